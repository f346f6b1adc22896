import type { EventEnvelope } from '@ferry/contracts';
import type { Database } from '@ferry/persistence';

/**
 * Event ids this adapter has put on Kafka. The webhook and the poll derive the same id for the
 * same change; whichever comes second publishes nothing. Recorded after Kafka acknowledged, so a
 * crash in between publishes the event again under the same id, which consumers drop.
 */
export class PublishedEvents {
  constructor(private readonly database: Database) {}

  /** The events whose ids were not published yet, in their order. */
  async unpublished<T extends EventEnvelope>(events: readonly T[]): Promise<T[]> {
    if (events.length === 0) return [];
    const { rows } = await this.database.query<{ event_id: string }>(
      `SELECT event_id::text FROM erp_adapter_published_events WHERE event_id = ANY($1::uuid[])`,
      [events.map((event) => event.eventId)],
    );
    const seen = new Set(rows.map((row) => row.event_id));
    const fresh: T[] = [];
    for (const event of events) {
      if (seen.has(event.eventId)) continue;
      seen.add(event.eventId);
      fresh.push(event);
    }
    return fresh;
  }

  async record(entity: string, events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    await this.database.query(
      `INSERT INTO erp_adapter_published_events (event_id, entity, entity_id, source_version)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[])
       ON CONFLICT (event_id) DO NOTHING`,
      [
        events.map((event) => event.eventId),
        events.map(() => entity),
        events.map((event) => event.entityId),
        events.map((event) => event.sourceVersion),
      ],
    );
  }

  async purge(retentionMs: number): Promise<number> {
    const result = await this.database.query(
      `DELETE FROM erp_adapter_published_events
        WHERE published_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [retentionMs],
    );
    return result.rowCount;
  }
}
