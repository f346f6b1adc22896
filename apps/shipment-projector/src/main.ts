import './tracing';
import { projectionMigrations, listenOn, runService, runServiceMain } from '@ferry/service-host';
import { readShipmentProjectorConfig, shipmentProjectorOptions } from './config';
import { ShipmentProjectorModule } from './shipment-projector.module';
import { shipmentProjection } from './shipments/shipment-projection';

runServiceMain({
  name: 'shipment-projector',
  options: shipmentProjectorOptions,
  migrations: projectionMigrations(...shipmentProjection.migrations),
  start: async () => {
    const config = readShipmentProjectorConfig();
    await runService(ShipmentProjectorModule.withConfig(config), {
      name: 'shipment-projector',
      ...listenOn(config),
    });
  },
});
