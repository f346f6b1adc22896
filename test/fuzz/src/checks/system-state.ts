import type { SqlExecutor } from '@ferry/persistence';

/** The projection tables the fuzz reads, and how each names its entity. */
const PROJECTIONS = {
  inventory: `SELECT sku || '@' || location AS entity_id, source_version::text AS version,
                     source_event_id::text AS event_id
                FROM inventory_levels`,
  shipments: `SELECT shipment_id AS entity_id, source_version::text AS version,
                     source_event_id::text AS event_id
                FROM shipments`,
} as const;

export type ProjectionName = keyof typeof PROJECTIONS;

/** A projection's rows: the version each entity holds, and the entity each event wrote. */
export interface ProjectedRows {
  readonly versionByEntity: ReadonlyMap<string, bigint>;
  readonly entityByEvent: ReadonlyMap<string, string>;
}

export async function readProjection(
  db: SqlExecutor,
  projection: ProjectionName,
): Promise<ProjectedRows> {
  const { rows } = await db.query<{ entity_id: string; version: string; event_id: string }>(
    PROJECTIONS[projection],
  );
  return {
    versionByEntity: new Map(rows.map((row) => [row.entity_id, BigInt(row.version)])),
    entityByEvent: new Map(rows.map((row) => [row.event_id, row.entity_id])),
  };
}

/** Idempotency keys whose request never completed: claimed, then neither answered nor freed. */
export async function readPendingKeys(db: SqlExecutor): Promise<string[]> {
  const { rows } = await db.query<{ idempotency_key: string }>(
    `SELECT idempotency_key FROM order_api_idempotency_keys WHERE state = 'pending'
      ORDER BY idempotency_key`,
  );
  return rows.map((row) => row.idempotency_key);
}
