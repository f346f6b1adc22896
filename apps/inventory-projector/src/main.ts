import { runMain, runService } from '@ferry/service-host';
import { readInventoryProjectorConfig } from './config';
import { InventoryProjectorModule } from './inventory-projector.module';

runMain(async () => {
  const config = readInventoryProjectorConfig();
  await runService(InventoryProjectorModule.withConfig(config), {
    name: 'inventory-projector',
    port: config.httpPort,
    host: config.httpHost,
    opsPort: config.opsPort,
  });
});
