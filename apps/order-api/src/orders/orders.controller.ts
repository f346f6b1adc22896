import {
  BadRequestException,
  Body,
  ConflictException,
  Controller,
  Headers,
  Inject,
  Post,
  Res,
  UnprocessableEntityException,
} from '@nestjs/common';
import { SalesOrderPlacedContract, type SalesOrderPlaced } from '@ferry/contracts';
import {
  Caller,
  parseRequestBody,
  refuseUnlessValidEvents,
  type CatalogPublisher,
} from '@ferry/service-host';
import type { Response } from 'express';
import { IdempotencyStore, type StoredResponse } from './idempotency-store';
import { OrderRequestSchema, requestHash, toSalesOrderPlaced } from './order-request';

export const SALES_ORDER_PUBLISHER = Symbol('SalesOrderPublisher');

const KEY = /^[\x21-\x7e]{1,255}$/;

const INVALID_ORDER = { error: 'invalid_order', noun: 'order' } as const;

/**
 * `POST /api/orders`: a command. It answers once the order's SalesOrderPlaced event is on Kafka;
 * the ERP and the WMS learn of the order from the event, never from this call. The event is built
 * and checked against its contract before the key is claimed: an order Ferry cannot carry is a
 * 400 `invalid_order` that leaves no key and publishes nothing.
 */
@Controller('api/orders')
export class OrdersController {
  constructor(
    @Inject(SALES_ORDER_PUBLISHER) private readonly publisher: CatalogPublisher<SalesOrderPlaced>,
    private readonly store: IdempotencyStore,
  ) {}

  @Post()
  async place(
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Headers('traceparent') traceparent: string | undefined,
    @Caller() caller: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown>> {
    if (key === undefined || key === '') {
      throw new BadRequestException({
        error: 'idempotency_key_required',
        message: 'Send an Idempotency-Key header (a unique value per order, reused on retries)',
      });
    }
    if (!KEY.test(key)) {
      throw new BadRequestException({
        error: 'invalid_idempotency_key',
        message: 'Idempotency-Key must be 1 to 255 visible ASCII characters',
      });
    }
    const order = parseRequestBody(OrderRequestSchema, body, INVALID_ORDER);
    const hash = requestHash(order);
    const event = toSalesOrderPlaced(order, new Date());
    refuseUnlessValidEvents(SalesOrderPlacedContract, [event], INVALID_ORDER);
    const claim = await this.store.claim(key, hash, event);
    switch (claim.kind) {
      case 'replay':
        response.setHeader('Idempotent-Replayed', 'true');
        return this.answer(response, claim.response);
      case 'key-reused-with-another-body':
        throw new UnprocessableEntityException({
          error: 'idempotency_key_reused',
          message: `Idempotency-Key ${key} was used for a different request body`,
        });
      case 'in-progress':
        response.setHeader('Retry-After', '1');
        throw new ConflictException({
          error: 'request_in_progress',
          message: `A request with Idempotency-Key ${key} is still being processed`,
        });
      case 'order-exists-with-another-body':
        throw new ConflictException({
          error: 'order_exists',
          message: `Order ${order.externalOrderId} was already placed with different content`,
        });
      case 'already-placed':
        // The same order under a new key (a client that lost its key): its event is on Kafka.
        break;
      case 'new':
        try {
          await this.publisher.publish([event], { traceparent, caller });
        } catch (error: unknown) {
          await this.store.release(key, order.externalOrderId);
          throw error;
        }
        break;
    }
    const accepted: StoredResponse = {
      statusCode: 202,
      body: {
        status: 'accepted',
        externalOrderId: event.externalOrderId,
        eventId: event.eventId,
        total: event.totals.total,
        currency: event.currency,
      },
    };
    await this.store.complete(key, event, accepted);
    return this.answer(response, accepted);
  }

  private answer(response: Response, stored: StoredResponse): Record<string, unknown> {
    response.status(stored.statusCode);
    return stored.body;
  }
}
