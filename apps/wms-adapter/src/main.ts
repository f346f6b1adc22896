import './tracing';
import { listenOn, runService, runServiceMain } from '@ferry/service-host';
import { readWmsAdapterConfig, wmsAdapterOptions } from './config';
import { wmsIngressRoutes } from './ingress-routes';
import { WmsAdapterModule, wmsAdapterMigrations } from './wms-adapter.module';

runServiceMain({
  name: 'wms-adapter',
  options: wmsAdapterOptions,
  migrations: wmsAdapterMigrations,
  start: async () => {
    const config = readWmsAdapterConfig();
    await runService(WmsAdapterModule.forRoot(config), {
      name: 'wms-adapter',
      ...listenOn(config),
      maxBodyBytes: config.maxBodyBytes,
      ingress: { auth: config, routes: wmsIngressRoutes },
    });
  },
});
