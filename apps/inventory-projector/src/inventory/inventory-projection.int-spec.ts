import type { InventoryLevelSet } from '@ferry/contracts';
import { applyMigrations, persistenceMigrations } from '@ferry/persistence';
import {
  inventoryLevelSet,
  isolatedDatabase,
  testEnvironment,
  type IsolatedDatabase,
} from '@ferry/test-support';
import { applyInventoryLevels, inventoryMigrations } from './inventory-projection';

const level = (sku: string, version: number, onHand: number) =>
  inventoryLevelSet(sku, version, onHand);

describe('applyInventoryLevels (real Postgres)', () => {
  let database: IsolatedDatabase;

  const stock = async (sku: string) => {
    const { rows } = await database.db.query<{ on_hand: string; source_version: string }>(
      'SELECT on_hand, source_version FROM inventory_levels WHERE sku = $1 AND location = $2',
      [sku, 'WH1'],
    );
    return rows[0]
      ? { onHand: Number(rows[0].on_hand), version: Number(rows[0].source_version) }
      : undefined;
  };
  const apply = (events: InventoryLevelSet[]) =>
    database.db.transaction((tx) => applyInventoryLevels(tx, events));

  beforeAll(async () => {
    database = isolatedDatabase(testEnvironment().databaseUrl, 'inventory');
    await applyMigrations(
      database.db,
      [persistenceMigrations, inventoryMigrations],
      database.schema,
    );
  });

  afterAll(async () => {
    await database.drop();
  });

  it('writes absolute values, the newest version of a batch winning', async () => {
    expect(
      await apply([level('A', 1, 10), level('A', 3, 30), level('A', 2, 20), level('B', 1, 5)]),
    ).toEqual({
      applied: 2,
      superseded: 1,
      stale: 1,
    });
    expect(await stock('A')).toEqual({ onHand: 30, version: 3 });
    expect(await stock('B')).toEqual({ onHand: 5, version: 1 });
  });

  it('ignores an older version after a newer one and leaves the row unchanged', async () => {
    expect(await apply([level('A', 2, 999)])).toEqual({ applied: 0, superseded: 0, stale: 1 });
    expect(await stock('A')).toEqual({ onHand: 30, version: 3 });
  });

  it('replaces the value with a newer version, never adding to it', async () => {
    expect(await apply([level('A', 4, 7)])).toEqual({ applied: 1, superseded: 0, stale: 0 });
    expect(await stock('A')).toEqual({ onHand: 7, version: 4 });
  });
});
