import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { ErpAdapter, ErpOwnedEntity, OdooChangeCursor, OdooRecord } from '@ferry/erp-odoo';
import { counter, gauge, jsonLogger } from '@ferry/observability';
import { ERP_ADAPTER_CONFIG, type ErpAdapterConfig } from '../config';
import { ERP_ADAPTER } from '../odoo/odoo-connection';
import { ErpStorage } from '../storage/erp-storage';
import { ErpEventPublisher } from './erp-event-publisher';

/** The entities the ERP owns and so publishes; each is polled as its own stream. */
export const POLLED_ENTITIES: readonly ErpOwnedEntity[] = ['purchaseOrder', 'invoice'];

/** Most pages read in one round, so that one round of a huge backlog still ends. */
const MAX_PAGES_PER_ROUND = 100;

const pollMetrics = {
  failures: counter(
    'ferry_erp_poll_failures_total',
    'Catch-up poll rounds that failed (the next round starts from the saved cursor)',
    ['erp', 'entity'],
  ),
  lastSuccess: gauge(
    'ferry_erp_poll_last_success_timestamp_seconds',
    'When a catch-up poll round of an entity last completed',
    ['erp', 'entity'],
  ),
};

/** The cursor stream of one ERP entity, e.g. `odoo:purchaseOrder`. */
export function pollStream(erp: string, entity: ErpOwnedEntity): string {
  return `${erp}:${entity}`;
}

/**
 * The catch-up poll: Odoo sends each webhook once with a 1 s timeout and never retries, so every
 * interval each ERP-owned entity is read from its saved `(write_date, id)` cursor, published, and
 * the cursor saved after Kafka acknowledged. A change a webhook already published has the same
 * event id and is skipped. A failed round is counted and logged; the next one starts again from
 * the saved cursor, so nothing is lost, at worst read twice.
 */
@Injectable()
export class CatchUpPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = jsonLogger('erp-adapter');
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(ERP_ADAPTER_CONFIG) private readonly config: ErpAdapterConfig,
    @Inject(ERP_ADAPTER) private readonly adapter: ErpAdapter<OdooChangeCursor, OdooRecord>,
    private readonly storage: ErpStorage,
    private readonly publisher: ErpEventPublisher,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.pollIntervalMs === 0) {
      this.logger.info('catch-up poll disabled (FERRY_ODOO_POLL_INTERVAL_MS=0)');
      return;
    }
    this.schedule(0);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.pollAll().finally(() => {
        this.schedule(this.config.pollIntervalMs);
      });
    }, delayMs);
  }

  private async pollAll(): Promise<void> {
    for (const entity of POLLED_ENTITIES) {
      if (this.stopped) return;
      try {
        await this.pollEntity(entity);
        pollMetrics.lastSuccess.set({ erp: this.adapter.erp, entity }, Date.now() / 1000);
      } catch (error: unknown) {
        pollMetrics.failures.inc({ erp: this.adapter.erp, entity });
        this.logger.warn('catch-up poll failed; the next round resumes from the saved cursor', {
          entity,
          error,
        });
      }
    }
  }

  /** Reads pages until one is not full (or the round's page budget is spent). */
  private async pollEntity(entity: ErpOwnedEntity): Promise<void> {
    const stream = pollStream(this.adapter.erp, entity);
    let cursor = await this.storage.cursors.load(stream);
    for (let page = 0; page < MAX_PAGES_PER_ROUND && !this.stopped; page += 1) {
      const changes = await this.adapter.pollChanges(
        entity,
        cursor,
        this.config.pollPageSize,
        Date.now(),
      );
      if (changes.records.length > 0) {
        const summary = await this.publisher.publishRecords(changes.records, 'poll');
        if (summary.events.length > 0)
          this.logger.info('catch-up poll published changes', {
            entity,
            published: summary.events.length,
            alreadyPublished: summary.alreadyPublished,
          });
      }
      if (changes.next !== undefined && changes.next !== cursor) {
        await this.storage.cursors.save(stream, changes.next);
        cursor = changes.next;
      }
      if (!changes.hasMore) return;
    }
  }
}
