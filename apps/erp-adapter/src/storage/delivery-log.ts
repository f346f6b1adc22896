import type { Database } from '@ferry/persistence';

/**
 * Webhook deliveries taken, by delivery id. A delivery is claimed before Odoo is read; a second
 * delivery with the same id (a replay, a duplicate send, a second rule) finds the claim. A claim
 * whose processing failed is released so that a resend can go through.
 */
export class DeliveryLog {
  constructor(private readonly database: Database) {}

  /** True when this delivery id is new (and now claimed); false for a replay. */
  async claim(deliveryId: string, model: string, recordId: string): Promise<boolean> {
    const result = await this.database.query(
      `INSERT INTO erp_adapter_webhook_deliveries (delivery_id, model, record_id)
       VALUES ($1, $2, $3) ON CONFLICT (delivery_id) DO NOTHING`,
      [deliveryId, model, recordId],
    );
    return result.rowCount === 1;
  }

  async release(deliveryId: string): Promise<void> {
    await this.database.query(`DELETE FROM erp_adapter_webhook_deliveries WHERE delivery_id = $1`, [
      deliveryId,
    ]);
  }

  async purge(retentionMs: number): Promise<number> {
    const result = await this.database.query(
      `DELETE FROM erp_adapter_webhook_deliveries
        WHERE received_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [retentionMs],
    );
    return result.rowCount;
  }
}
