import './tracing';
import { consumerMigrations, listenOn, runService, runServiceMain } from '@ferry/service-host';
import { readWmsAdapterConfig, wmsAdapterOptions } from './config';
import { wmsIngressRoutes } from './ingress-routes';
import { WmsAdapterModule } from './wms-adapter.module';

runServiceMain({
  name: 'wms-adapter',
  options: wmsAdapterOptions,
  // The expected-receipts sink keeps no tables of its own: Ferry's dedup and parking tables only.
  migrations: consumerMigrations([]),
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
