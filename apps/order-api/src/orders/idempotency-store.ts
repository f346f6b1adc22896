import type { Database } from '@ferry/persistence';

export interface StoredResponse {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
}

/** What to do with a request, decided from its Idempotency-Key and its body. */
export type Claim =
  | { readonly kind: 'new' }
  | { readonly kind: 'already-placed' }
  | { readonly kind: 'replay'; readonly response: StoredResponse }
  | { readonly kind: 'key-reused-with-another-body' }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'order-exists-with-another-body' };

interface KeyRow {
  request_hash: string;
  state: 'pending' | 'completed';
  status_code: number | null;
  response: Record<string, unknown> | null;
  stale: boolean;
}

/**
 * Idempotency keys and placed orders in Postgres. A key is claimed (a pending row) before the
 * event is published and completed with the response after Kafka acknowledged it. A pending row
 * older than `takeOverAfterMs` belongs to a request whose process died: the next request with the
 * same key and body takes it over (publishing again is harmless, the event id is the same).
 */
export class IdempotencyStore {
  constructor(
    private readonly database: Database,
    private readonly takeOverAfterMs = 30_000,
  ) {}

  claim(
    key: string,
    requestHash: string,
    order: { readonly externalOrderId: string; readonly eventId: string },
  ): Promise<Claim> {
    return this.database.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO order_api_idempotency_keys (idempotency_key, request_hash, state)
         VALUES ($1, $2, 'pending') ON CONFLICT DO NOTHING RETURNING idempotency_key`,
        [key, requestHash],
      );
      if (inserted.rowCount === 0) {
        const { rows } = await tx.query<KeyRow>(
          `SELECT request_hash, state, status_code, response,
                  created_at < now() - make_interval(secs => $2::double precision / 1000) AS stale
             FROM order_api_idempotency_keys WHERE idempotency_key = $1 FOR UPDATE`,
          [key, this.takeOverAfterMs],
        );
        const row = rows[0];
        if (!row) throw new Error(`Idempotency key ${key} vanished while being read`);
        if (row.request_hash !== requestHash) return { kind: 'key-reused-with-another-body' };
        if (row.state === 'completed' && row.status_code !== null && row.response !== null) {
          return { kind: 'replay', response: { statusCode: row.status_code, body: row.response } };
        }
        if (!row.stale) return { kind: 'in-progress' };
        await tx.query(
          `UPDATE order_api_idempotency_keys SET created_at = now() WHERE idempotency_key = $1`,
          [key],
        );
      }
      await tx.query(
        `INSERT INTO order_api_orders (external_order_id, request_hash, event_id)
         VALUES ($1, $2, $3) ON CONFLICT (external_order_id) DO NOTHING`,
        [order.externalOrderId, requestHash, order.eventId],
      );
      const placed = await tx.query<{ request_hash: string; confirmed: boolean }>(
        `SELECT request_hash, confirmed FROM order_api_orders WHERE external_order_id = $1`,
        [order.externalOrderId],
      );
      const existing = placed.rows[0];
      if (existing && existing.request_hash !== requestHash) {
        await tx.query(`DELETE FROM order_api_idempotency_keys WHERE idempotency_key = $1`, [key]);
        return { kind: 'order-exists-with-another-body' };
      }
      return existing?.confirmed ? { kind: 'already-placed' } : { kind: 'new' };
    });
  }

  /** The event was acknowledged: remember the order and the answer given for the key. */
  complete(
    key: string,
    order: { readonly externalOrderId: string },
    response: StoredResponse,
  ): Promise<void> {
    return this.database.transaction(async (tx) => {
      await tx.query(`UPDATE order_api_orders SET confirmed = true WHERE external_order_id = $1`, [
        order.externalOrderId,
      ]);
      await tx.query(
        `UPDATE order_api_idempotency_keys
            SET state = 'completed', status_code = $2, response = $3, completed_at = now()
          WHERE idempotency_key = $1`,
        [key, response.statusCode, JSON.stringify(response.body)],
      );
    });
  }

  /** The event was not acknowledged: free the key so that the client's retry can go through. */
  release(key: string, externalOrderId: string): Promise<void> {
    return this.database.transaction(async (tx) => {
      await tx.query(
        `DELETE FROM order_api_idempotency_keys WHERE idempotency_key = $1 AND state = 'pending'`,
        [key],
      );
      await tx.query(
        `DELETE FROM order_api_orders WHERE external_order_id = $1 AND NOT confirmed`,
        [externalOrderId],
      );
    });
  }

  /** Keys are kept for `retentionMs` (a client retries within hours, not weeks). */
  async purge(retentionMs: number): Promise<number> {
    const result = await this.database.query(
      `DELETE FROM order_api_idempotency_keys
        WHERE created_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [retentionMs],
    );
    return result.rowCount;
  }
}
