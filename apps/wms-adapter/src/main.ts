import { runMain, runService } from '@ferry/service-host';
import { readWmsAdapterConfig } from './config';
import { wmsIngressRoutes } from './ingress-routes';
import { WmsAdapterModule } from './wms-adapter.module';

runMain(async () => {
  const config = readWmsAdapterConfig();
  await runService(WmsAdapterModule.withConfig(config), {
    name: 'wms-adapter',
    port: config.httpPort,
    host: config.httpHost,
    opsPort: config.opsPort,
    maxBodyBytes: config.maxBodyBytes,
    ingress: { auth: config, routes: wmsIngressRoutes },
  });
});
