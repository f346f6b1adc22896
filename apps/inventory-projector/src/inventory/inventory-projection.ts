import { join } from 'node:path';
import { InventoryLevelSetContract, Topics, type InventoryLevelSet } from '@ferry/contracts';
import type { ConsumerDeclaration } from '@ferry/service-host';
import { applyInventoryLevels } from './apply-inventory-levels';

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
