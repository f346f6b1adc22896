import type { InventoryLevelSet } from '@ferry/contracts';
import type { SqlExecutor } from '@ferry/persistence';

export interface StoredLevel {
  readonly version: number;
  readonly onHand: number;
}

/**
 * Where a final state differs from the oracle, one line per entity. Each entity must hold its
 * newest acknowledged snapshot, or a newer one that was sent without acknowledgement (published
 * all the same before the answer was lost). An entity of neither kind must not be there.
 */
export function stateDifferences(
  stored: ReadonlyMap<string, StoredLevel>,
  newestAcknowledged: ReadonlyMap<string, InventoryLevelSet>,
  unacknowledged: ReadonlyMap<string, InventoryLevelSet>,
): string[] {
  const unconfirmed = new Map<string, InventoryLevelSet>();
  for (const event of unacknowledged.values())
    unconfirmed.set(`${event.entityId}#${event.sourceVersion}`, event);
  const differences: string[] = [];
  for (const [entity, expected] of newestAcknowledged) {
    const row = stored.get(entity);
    const label = `${entity}: expected v${expected.sourceVersion} (${expected.onHand})`;
    if (row === undefined) {
      differences.push(`${label}, missing`);
      continue;
    }
    const found = `found v${row.version} (${row.onHand})`;
    if (row.version < expected.sourceVersion) differences.push(`${label}, ${found}`);
    else if (row.version === expected.sourceVersion && row.onHand !== expected.onHand)
      differences.push(`${label}, ${found}`);
    else if (row.version > expected.sourceVersion) {
      const later = unconfirmed.get(`${entity}#${row.version}`);
      if (later?.onHand !== row.onHand) differences.push(`${label}, ${found}: sent by nobody`);
    }
  }
  const unconfirmedEntities = new Set([...unacknowledged.values()].map((e) => e.entityId));
  for (const entity of stored.keys()) {
    if (!newestAcknowledged.has(entity) && !unconfirmedEntities.has(entity))
      differences.push(`${entity}: present, but never sent`);
  }
  return differences;
}

/** The `inventory_levels` rows, by `sku@location`. */
export async function storedLevels(db: SqlExecutor): Promise<Map<string, StoredLevel>> {
  const { rows } = await db.query<{ entity: string; version: string; on_hand: string }>(
    `SELECT sku || '@' || location AS entity, source_version AS version, on_hand FROM inventory_levels`,
  );
  return new Map(
    rows.map((row) => [row.entity, { version: Number(row.version), onHand: Number(row.on_hand) }]),
  );
}
