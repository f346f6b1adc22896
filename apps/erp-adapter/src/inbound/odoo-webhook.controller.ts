import { classifyFailure, isRetriableKind } from '@ferry/failures';
import { Body, Controller, Headers, HttpException, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ERP_SOURCE,
  type ChangeNotice,
  type ErpAdapter,
  type OdooChangeCursor,
  type OdooRecord,
} from '@ferry/erp-odoo';
import { refuseUnlessOwner } from '@ferry/kafka-runtime';
import { counter, jsonLogger } from '@ferry/observability';
import type { Request, Response } from 'express';
import { ERP_ADAPTER } from '../odoo/odoo-connection';
import { ErpStorage } from '../storage/erp-storage';
import { ErpEventPublisher, type PublishSummary } from './erp-event-publisher';
import {
  bodyRefusal,
  refusalException,
  rejectionRefusal,
  verdictRefusal,
} from './webhook-refusals';

/** Where Odoo posts; its body reaches the handler as raw bytes (see main.ts). */
export const ODOO_WEBHOOK_PATH = '/v1/erp/odoo/webhooks';

const webhookDeliveries = counter(
  'ferry_erp_webhook_deliveries_total',
  'Webhook deliveries received from the ERP, by outcome',
  ['erp', 'outcome'],
);

/** Whether a failure reading Odoo or writing Kafka may pass if the delivery is sent again. */
function isRetriable(error: unknown): boolean {
  return isRetriableKind(classifyFailure(error));
}

/**
 * `POST /v1/erp/odoo/webhooks`: Odoo's automation rule notifications. The body arrives as the
 * bytes received, capped in size (413) before anything reads it; the signature is checked over
 * them first (401 whatever they hold), then that they are JSON (415/400 `malformed_json`), then
 * read as a change notice, and only then is anything done: the record is read back from Odoo (a
 * notice is a hint, never state) and its event published. Answers: 202 published (or nothing new
 * to publish), 200 `{"duplicate":true}` for a delivery already taken, 400/401/403/413/415/422
 * refused (nothing read, nothing published, each counted by outcome), 503 Odoo or Kafka down
 * (the catch-up poll brings the change later).
 */
@Controller()
export class OdooWebhookController {
  private readonly logger = jsonLogger('erp-adapter');

  constructor(
    @Inject(ERP_ADAPTER) private readonly adapter: ErpAdapter<OdooChangeCursor, OdooRecord>,
    private readonly storage: ErpStorage,
    private readonly publisher: ErpEventPublisher,
  ) {}

  @Post(ODOO_WEBHOOK_PATH)
  async receive(
    @Req() request: Request,
    @Body() body: unknown,
    @Headers('traceparent') traceparent: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown>> {
    // A Buffer from the raw-body parser; nothing when the request had no body.
    const rawBody = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const verdict = this.adapter.verifyWebhook(rawBody, request.headers, Date.now());
    if (verdict.kind !== 'ok') {
      this.count(verdict.kind);
      this.logger.warn('webhook refused', { verdict: verdict.kind });
      throw refusalException(verdictRefusal(verdict));
    }
    const notJson = bodyRefusal(request.headers['content-type'], rawBody);
    if (notJson !== undefined) {
      this.count(notJson.outcome);
      throw refusalException(notJson);
    }
    const reading = this.adapter.toChanges(rawBody, request.headers);
    if (reading.kind === 'not-owner') {
      this.count('not-owner');
      refuseUnlessOwner(ERP_SOURCE, reading.entity);
      throw new Error(`ownership map lets ${ERP_SOURCE} publish ${reading.entity}`);
    }
    if (reading.kind !== 'accepted') {
      this.count(reading.kind);
      throw refusalException(rejectionRefusal(reading));
    }
    const claimed = await this.claim(reading.notices);
    if (claimed.length === 0) {
      this.count('duplicate');
      response.status(200);
      return { duplicate: true };
    }
    const summary = await this.publish(claimed, traceparent);
    this.count('accepted');
    response.status(202);
    return {
      status: 'accepted',
      deliveryIds: claimed.map((notice) => notice.deliveryId),
      ...summary,
    };
  }

  private async claim(notices: readonly ChangeNotice[]): Promise<ChangeNotice[]> {
    const claimed: ChangeNotice[] = [];
    for (const notice of notices) {
      if (await this.storage.deliveries.claim(notice.deliveryId, notice.model, notice.recordId))
        claimed.push(notice);
    }
    return claimed;
  }

  /** Reads and publishes; on failure the claims are released so that a resend goes through. */
  private async publish(
    notices: readonly ChangeNotice[],
    traceparent: string | undefined,
  ): Promise<PublishSummary> {
    try {
      const records = await this.adapter.fetchChanged(notices);
      return await this.publisher.publishRecords(records, 'webhook', traceparent);
    } catch (error: unknown) {
      await Promise.all(notices.map((n) => this.storage.deliveries.release(n.deliveryId)));
      if (!isRetriable(error)) throw error;
      this.count('unavailable');
      this.logger.warn('webhook not processed: the ERP or Kafka is unavailable', { error });
      throw new HttpException(
        {
          error: 'unavailable',
          message: 'Odoo or Kafka is unavailable; the catch-up poll will bring the change',
        },
        503,
      );
    }
  }

  private count(outcome: string): void {
    webhookDeliveries.inc({ erp: this.adapter.erp, outcome });
  }
}
