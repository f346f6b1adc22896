import {
  BadRequestException,
  Body,
  Controller,
  Headers,
  HttpCode,
  Inject,
  Post,
} from '@nestjs/common';
import { WMS_ADAPTER_CONFIG, type WmsAdapterConfig } from '../config';
import { InventoryLevelSetContract, type InventoryLevelSet } from '@ferry/contracts';
import { Caller, refuseUnlessValidEvents, type CatalogPublisher } from '@ferry/service-host';
import {
  isSnapshotBatch,
  parseSnapshots,
  SnapshotValidationError,
  toInventoryLevelSet,
  type InventorySnapshot,
} from './inventory-snapshot';

export interface AcceptedSnapshots {
  readonly accepted: number;
  readonly events: readonly {
    readonly eventId: string;
    readonly entityId: string;
    readonly sourceVersion: number;
  }[];
}

export const INVENTORY_LEVEL_PUBLISHER = Symbol('InventoryLevelPublisher');

const INVALID_SNAPSHOT = { error: 'invalid_snapshot', noun: 'inventory snapshot' } as const;

@Controller('v1/inventory-levels')
export class InventoryLevelsController {
  constructor(
    @Inject(INVENTORY_LEVEL_PUBLISHER)
    private readonly publisher: CatalogPublisher<InventoryLevelSet>,
    @Inject(WMS_ADAPTER_CONFIG) private readonly config: WmsAdapterConfig,
  ) {}

  /**
   * Accepts one snapshot or `{ "snapshots": [...] }` and answers 202 once Kafka acknowledged every
   * event. Sending the same snapshot again is safe: it becomes the same event id. Every event is
   * checked against its contract before any is published: a body that breaks it is a 400
   * `invalid_snapshot` and nothing of it reaches Kafka. Each event names the authenticated
   * caller in its `ferry-caller` header.
   */
  @Post()
  @HttpCode(202)
  async accept(
    @Body() body: unknown,
    @Headers('traceparent') traceparent: string | undefined,
    @Caller() caller: string | undefined,
  ): Promise<AcceptedSnapshots> {
    const now = new Date();
    const events = this.validated(body).map((snapshot) => toInventoryLevelSet(snapshot, now));
    refuseUnlessValidEvents(InventoryLevelSetContract, events, {
      ...INVALID_SNAPSHOT,
      batchField: isSnapshotBatch(body) ? 'snapshots' : undefined,
    });
    await this.publisher.publish(events, { traceparent, caller });
    return {
      accepted: events.length,
      events: events.map(({ eventId, entityId, sourceVersion }) => ({
        eventId,
        entityId,
        sourceVersion,
      })),
    };
  }

  private validated(body: unknown): InventorySnapshot[] {
    try {
      return parseSnapshots(body, this.config.maxItemsPerRequest);
    } catch (error: unknown) {
      if (!(error instanceof SnapshotValidationError)) throw error;
      throw new BadRequestException({
        error: INVALID_SNAPSHOT.error,
        message: error.message,
        problems: error.problems,
      });
    }
  }
}
