import './tracing';
import { projectionMigrations, listenOn, runService, runServiceMain } from '@ferry/service-host';
import { inventoryProjectorOptions, readInventoryProjectorConfig } from './config';
import { InventoryProjectorModule } from './inventory-projector.module';
import { inventoryProjection } from './inventory/inventory-projection';

runServiceMain({
  name: 'inventory-projector',
  options: inventoryProjectorOptions,
  migrations: projectionMigrations(...inventoryProjection.migrations),
  start: async () => {
    const config = readInventoryProjectorConfig();
    await runService(InventoryProjectorModule.withConfig(config), {
      name: 'inventory-projector',
      ...listenOn(config),
    });
  },
});
