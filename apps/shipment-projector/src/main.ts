import './tracing';
import { projectionMigrations, listenOn, runService, runServiceMain } from '@ferry/service-host';
import { readShipmentProjectorConfig } from './config';
import { ShipmentProjectorModule } from './shipment-projector.module';
import { shipmentProjection } from './shipments/shipment-projection';

runServiceMain({
  name: 'shipment-projector',
  migrations: projectionMigrations(...shipmentProjection.migrations),
  start: async () => {
    const config = readShipmentProjectorConfig();
    await runService(ShipmentProjectorModule.withConfig(config), {
      name: 'shipment-projector',
      ...listenOn(config),
    });
  },
});
