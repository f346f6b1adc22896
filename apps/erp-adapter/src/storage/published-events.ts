import type { EventEnvelope } from '@ferry/contracts';
import type { Database } from '@ferry/persistence';
import {
  SLOTS_PER_SECOND,
  secondOf,
  stateKey,
  type PlannedEvent,
  type PublishedState,
} from '../inbound/publication-plan';

/**
 * States this adapter has put on Kafka. The webhook and the poll read the same change as the same
 * state, and whichever comes second publishes nothing. Recorded after Kafka acknowledged, so a
 * crash in between publishes the event again under the same id, which consumers drop.
 */
export class PublishedEvents {
  constructor(private readonly database: Database) {}

  /** The newest published state of each event's entity within the event's second. */
  async newestStates(
    entity: string,
    events: readonly EventEnvelope[],
  ): Promise<Map<string, PublishedState>> {
    const states = new Map<string, PublishedState>();
    if (events.length === 0) return states;
    const { rows } = await this.database.query<{
      entity_id: string;
      second: string;
      source_version: string;
      fingerprint: string | null;
    }>(
      `SELECT DISTINCT ON (q.entity_id, q.second)
              q.entity_id, q.second::text, p.source_version::text, p.fingerprint
         FROM unnest($2::text[], $3::bigint[]) AS q(entity_id, second)
         JOIN erp_adapter_published_events p
           ON p.entity = $1 AND p.entity_id = q.entity_id
          AND p.source_version >= q.second AND p.source_version < q.second + $4
        ORDER BY q.entity_id, q.second, p.source_version DESC`,
      [
        entity,
        events.map((event) => event.entityId),
        events.map((event) => secondOf(event.sourceVersion)),
        SLOTS_PER_SECOND,
      ],
    );
    for (const row of rows)
      states.set(stateKey(row.entity_id, Number(row.second)), {
        sourceVersion: Number(row.source_version),
        fingerprint: row.fingerprint,
      });
    return states;
  }

  async record(entity: string, planned: readonly PlannedEvent<EventEnvelope>[]): Promise<void> {
    if (planned.length === 0) return;
    await this.database.query(
      `INSERT INTO erp_adapter_published_events
         (event_id, entity, entity_id, source_version, fingerprint)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[], $5::text[])
       ON CONFLICT (event_id) DO NOTHING`,
      [
        planned.map(({ event }) => event.eventId),
        planned.map(() => entity),
        planned.map(({ event }) => event.entityId),
        planned.map(({ event }) => event.sourceVersion),
        planned.map(({ fingerprint }) => fingerprint),
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
