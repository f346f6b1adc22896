import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InventoryLevelSet } from '@ferry/contracts';
import type { MigrationSource, Transaction } from '@ferry/persistence';

/** The projector's batch apply: one version-guarded `unnest` upsert per call. */
export type ApplyInventoryLevels = (
  tx: Transaction,
  events: readonly InventoryLevelSet[],
) => Promise<Record<string, number>>;

const projectorRoot = resolve(__dirname, '..', '..', '..', '..', 'apps', 'inventory-projector');

/** The projector's own migrations: the SQL-only contenders get the same table shape. */
export const inventoryMigrations: MigrationSource = {
  owner: 'inventory-projector',
  directory: resolve(projectorRoot, 'migrations'),
};

/**
 * Loads `applyInventoryLevels` from the projector's build output. An app is no library, so this
 * is not an import; loading the built artefact (as `startService` runs it) keeps the bare-SQL
 * figure measuring the statement the projector runs today rather than a copy that drifts.
 */
export async function loadProjectorApply(): Promise<ApplyInventoryLevels> {
  const file = resolve(projectorRoot, 'dist', 'inventory', 'inventory-projection.js');
  const loaded: unknown = await import(pathToFileURL(file).href);
  const apply =
    typeof loaded === 'object' && loaded !== null && 'applyInventoryLevels' in loaded
      ? loaded.applyInventoryLevels
      : undefined;
  if (typeof apply !== 'function')
    throw new Error(`${file} does not export applyInventoryLevels; build the projector first`);
  return apply as ApplyInventoryLevels;
}
