import { runMain, runService } from '@ferry/service-host';
import { readShipmentProjectorConfig } from './config';
import { ShipmentProjectorModule } from './shipment-projector.module';

runMain(async () => {
  const config = readShipmentProjectorConfig();
  await runService(ShipmentProjectorModule.withConfig(config), {
    name: 'shipment-projector',
    port: config.httpPort,
    host: config.httpHost,
    opsPort: config.opsPort,
  });
});
