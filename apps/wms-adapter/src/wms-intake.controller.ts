import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import {
  GoodsReceiptRecordedContract,
  ShipmentStatusChangedContract,
  type EventContract,
  type EventEnvelope,
  type GoodsReceiptRecorded,
  type ShipmentStatusChanged,
} from '@ferry/contracts';
import {
  Caller,
  parseRequestBody,
  refuseUnlessValidEvents,
  type CatalogPublisher,
  type RequestRefusal,
} from '@ferry/service-host';
import { z } from 'zod';
import { WMS_ADAPTER_CONFIG, type WmsAdapterConfig } from './config';
import { GoodsReceiptSchema, toGoodsReceiptRecorded } from './receipts/goods-receipt';
import { ShipmentUpdateSchema, toShipmentStatusChanged } from './shipments/shipment-update';

export const GOODS_RECEIPT_PUBLISHER = Symbol('GoodsReceiptPublisher');
export const SHIPMENT_STATUS_PUBLISHER = Symbol('ShipmentStatusPublisher');

export interface AcceptedEvents {
  readonly accepted: number;
  readonly events: readonly { readonly eventId: string; readonly entityId: string }[];
}

interface ItemsEndpoint<S extends z.ZodType, T extends EventEnvelope> {
  readonly item: S;
  /** The list field of a batch body: `{ "<field>": [...] }`. */
  readonly batchField: string;
  readonly refusal: RequestRefusal;
  readonly contract: EventContract<T>;
  readonly toEvent: (item: z.infer<S>) => T;
}

/**
 * The events of one item, or of `{ "<field>": [...] }` with 1 to `max` items, each checked
 * against its contract before any is published. Every problem names its field
 * (`receipts[1].lines[0].quantity: must be at least 1`); a bad body publishes nothing.
 */
function eventsOf<S extends z.ZodType, T extends EventEnvelope>(
  endpoint: ItemsEndpoint<S, T>,
  max: number,
  body: unknown,
): T[] {
  const { item, batchField, refusal } = endpoint;
  const isBatch = typeof body === 'object' && body !== null && batchField in body;
  const items: z.infer<S>[] = isBatch
    ? (parseRequestBody(
        z
          .object({
            [batchField]: z
              .array(item)
              .min(1, 'must hold at least one item')
              .max(max, `must hold at most ${max} items`),
          })
          .strict(),
        body,
        refusal,
      )[batchField] as z.infer<S>[])
    : [parseRequestBody(item, body, refusal)];
  const events = items.map(endpoint.toEvent);
  refuseUnlessValidEvents(endpoint.contract, events, {
    ...refusal,
    batchField: isBatch ? batchField : undefined,
  });
  return events;
}

const goodsReceipts: ItemsEndpoint<typeof GoodsReceiptSchema, GoodsReceiptRecorded> = {
  item: GoodsReceiptSchema,
  batchField: 'receipts',
  refusal: { error: 'invalid_goods_receipt', noun: 'goods receipt' },
  contract: GoodsReceiptRecordedContract,
  toEvent: toGoodsReceiptRecorded,
};

const shipmentUpdates: ItemsEndpoint<typeof ShipmentUpdateSchema, ShipmentStatusChanged> = {
  item: ShipmentUpdateSchema,
  batchField: 'updates',
  refusal: { error: 'invalid_shipment_update', noun: 'shipment update' },
  contract: ShipmentStatusChangedContract,
  toEvent: toShipmentStatusChanged,
};

function accepted(events: readonly { eventId: string; entityId: string }[]): AcceptedEvents {
  return {
    accepted: events.length,
    events: events.map(({ eventId, entityId }) => ({ eventId, entityId })),
  };
}

/**
 * The WMS's goods receipts and shipment status updates. Each answers 202 once Kafka acknowledged
 * every event, or 400 (`invalid_goods_receipt`, `invalid_shipment_update`) with nothing
 * published; sending the same change again yields the same event id. Each event names the
 * authenticated caller in its `ferry-caller` header.
 */
@Controller('v1')
export class WmsIntakeController {
  constructor(
    @Inject(GOODS_RECEIPT_PUBLISHER)
    private readonly receipts: CatalogPublisher<GoodsReceiptRecorded>,
    @Inject(SHIPMENT_STATUS_PUBLISHER)
    private readonly shipments: CatalogPublisher<ShipmentStatusChanged>,
    @Inject(WMS_ADAPTER_CONFIG) private readonly config: WmsAdapterConfig,
  ) {}

  @Post('goods-receipts')
  @HttpCode(202)
  async receiveGoods(
    @Body() body: unknown,
    @Headers('traceparent') traceparent: string | undefined,
    @Caller() caller: string | undefined,
  ): Promise<AcceptedEvents> {
    const events = eventsOf(goodsReceipts, this.config.maxItemsPerRequest, body);
    await this.receipts.publish(events, { traceparent, caller });
    return accepted(events);
  }

  @Post('shipment-status')
  @HttpCode(202)
  async updateShipments(
    @Body() body: unknown,
    @Headers('traceparent') traceparent: string | undefined,
    @Caller() caller: string | undefined,
  ): Promise<AcceptedEvents> {
    const events = eventsOf(shipmentUpdates, this.config.maxItemsPerRequest, body);
    await this.shipments.publish(events, { traceparent, caller });
    return accepted(events);
  }
}
