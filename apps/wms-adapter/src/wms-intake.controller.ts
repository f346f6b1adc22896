import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import type { GoodsReceiptRecorded, ShipmentStatusChanged } from '@ferry/contracts';
import { parseRequestBody, type CatalogPublisher } from '@ferry/service-host';
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

/**
 * Reads one item, or `{ "<field>": [...] }` with 1 to `max` items; every problem names its field
 * (`receipts[1].lines[0].quantity: must be at least 1`).
 */
function itemsOf<S extends z.ZodType>(
  item: S,
  field: string,
  max: number,
  body: unknown,
  what: { readonly error: string; readonly noun: string },
): z.infer<S>[] {
  const isBatch = typeof body === 'object' && body !== null && field in body;
  if (!isBatch) return [parseRequestBody(item, body, what)];
  const batch = z
    .object({
      [field]: z
        .array(item)
        .min(1, 'must hold at least one item')
        .max(max, `must hold at most ${max} items`),
    })
    .strict();
  return parseRequestBody(batch, body, what)[field] as z.infer<S>[];
}

function accepted(events: readonly { eventId: string; entityId: string }[]): AcceptedEvents {
  return {
    accepted: events.length,
    events: events.map(({ eventId, entityId }) => ({ eventId, entityId })),
  };
}

/**
 * The WMS's goods receipts and shipment status updates. Each answers 202 once Kafka acknowledged
 * every event; sending the same change again yields the same event id.
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
  ): Promise<AcceptedEvents> {
    const events = itemsOf(GoodsReceiptSchema, 'receipts', this.config.maxItemsPerRequest, body, {
      error: 'invalid_goods_receipt',
      noun: 'goods receipt',
    }).map(toGoodsReceiptRecorded);
    await this.receipts.publish(events, traceparent);
    return accepted(events);
  }

  @Post('shipment-status')
  @HttpCode(202)
  async updateShipments(
    @Body() body: unknown,
    @Headers('traceparent') traceparent: string | undefined,
  ): Promise<AcceptedEvents> {
    const events = itemsOf(ShipmentUpdateSchema, 'updates', this.config.maxItemsPerRequest, body, {
      error: 'invalid_shipment_update',
      noun: 'shipment update',
    }).map(toShipmentStatusChanged);
    await this.shipments.publish(events, traceparent);
    return accepted(events);
  }
}
