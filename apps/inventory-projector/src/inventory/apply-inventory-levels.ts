import type { InventoryLevelSet } from '@ferry/contracts';
import type { Transaction } from '@ferry/persistence';
import {
  classifyOutcomes,
  newestPerEntity,
  type InventoryOutcome,
  type KeyResult,
} from './batch-plan';

/*
 * One statement per batch: unnest the newest event per key, remember the stored versions, upsert
 * the absolute values in key order (concurrent writers lock rows in the same order and cannot
 * deadlock), and write only where the incoming version is newer. All CTEs read the same snapshot,
 * so `previous` holds the versions from before this statement.
 */
const UPSERT = `
WITH incoming AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[],
                       $7::text[], $8::bigint[], $9::uuid[], $10::bigint[], $11::bigint[], $12::text[])
    AS t(sku, location, on_hand, reserved, available, unit, source_system, source_version, source_event_id, occurred_ms,
         in_transit, bin_code)
),
previous AS (
  SELECT l.sku, l.location, l.source_version FROM inventory_levels l JOIN incoming i USING (sku, location)
),
written AS (
  INSERT INTO inventory_levels AS l
    (sku, location, on_hand, reserved, available, unit, source_system, source_version, source_event_id, occurred_at,
     in_transit, bin_code)
  SELECT sku, location, on_hand, reserved, available, unit, source_system, source_version, source_event_id,
         to_timestamp(occurred_ms / 1000.0), in_transit, bin_code
  FROM incoming ORDER BY sku, location
  ON CONFLICT (sku, location) DO UPDATE SET
    on_hand = EXCLUDED.on_hand, reserved = EXCLUDED.reserved, available = EXCLUDED.available,
    unit = EXCLUDED.unit, source_system = EXCLUDED.source_system, source_version = EXCLUDED.source_version,
    source_event_id = EXCLUDED.source_event_id, occurred_at = EXCLUDED.occurred_at,
    in_transit = EXCLUDED.in_transit, bin_code = EXCLUDED.bin_code, updated_at = now()
  WHERE l.source_version < EXCLUDED.source_version
  RETURNING l.sku, l.location
)
SELECT i.sku || '@' || i.location AS entity_id, p.source_version AS previous_version, w.sku IS NOT NULL AS written
FROM incoming i LEFT JOIN previous p USING (sku, location) LEFT JOIN written w USING (sku, location)`;

/** Upserts absolute stock levels, newest version wins; returns how each event ended. */
export async function applyInventoryLevels(
  tx: Transaction,
  events: readonly InventoryLevelSet[],
): Promise<Record<InventoryOutcome, number>> {
  const rows = newestPerEntity(events);
  const { rows: results } = await tx.query<{
    entity_id: string;
    previous_version: string | null;
    written: boolean;
  }>(UPSERT, [
    rows.map((e) => e.sku),
    rows.map((e) => e.location),
    rows.map((e) => e.onHand),
    rows.map((e) => e.reserved),
    rows.map((e) => e.available),
    rows.map((e) => e.unit),
    rows.map((e) => e.sourceSystem),
    rows.map((e) => e.sourceVersion),
    rows.map((e) => e.eventId),
    rows.map((e) => e.occurredAt),
    rows.map((e) => e.inTransit),
    rows.map((e) => e.binCode),
  ]);
  const byEntity = new Map<string, KeyResult>(
    results.map((r) => [
      r.entity_id,
      {
        previousVersion: r.previous_version === null ? undefined : Number(r.previous_version),
        written: r.written,
      },
    ]),
  );
  return classifyOutcomes(events, byEntity);
}
