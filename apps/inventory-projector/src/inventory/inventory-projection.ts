import { join } from 'node:path';
import { InventoryLevelSetContract, Topics, type InventoryLevelSet } from '@ferry/contracts';
import type { ConsumerDeclaration } from '@ferry/service-host';
import { column, stateUpsert } from '@ferry/persistence';

/**
 * Absolute stock levels per SKU and location, newest version wins: one version-guarded upsert
 * per batch (see stateUpsert). The key comes from the fields, never trusted from the envelope.
 */
export const applyInventoryLevels = stateUpsert<InventoryLevelSet>({
  table: 'inventory_levels',
  key: { sku: column('text', (e) => e.sku), location: column('text', (e) => e.location) },
  columns: {
    on_hand: column('bigint', (e) => e.onHand),
    reserved: column('bigint', (e) => e.reserved),
    available: column('bigint', (e) => e.available),
    unit: column('text', (e) => e.unit),
    source_system: column('text', (e) => e.sourceSystem),
    occurred_at: column('timestamptz', (e) => e.occurredAt),
    in_transit: column('bigint', (e) => e.inTransit),
    bin_code: column('text', (e) => e.binCode),
  },
});

export const inventoryMigrations = {
  owner: 'inventory-projector',
  directory: join(__dirname, '..', '..', 'migrations'),
};

/** InventoryLevelSet events → `inventory_levels`, newest version per SKU and location. */
export const inventoryProjection: ConsumerDeclaration<InventoryLevelSet> = {
  name: 'inventory-projection',
  topic: Topics.inventoryLevels,
  contract: InventoryLevelSetContract,
  migrations: [inventoryMigrations],
  apply: (tx, events) =>
    applyInventoryLevels(
      tx,
      events.map((event) => event.value),
    ),
};
