import { runMain, runService } from '@ferry/service-host';
import { readWmsAdapterConfig } from './config';
import { WmsAdapterModule } from './wms-adapter.module';

runMain(async () => {
  const config = readWmsAdapterConfig();
  await runService(WmsAdapterModule.withConfig(config), {
    name: 'wms-adapter',
    port: config.httpPort,
    host: config.httpHost,
    maxBodyBytes: config.maxBodyBytes,
  });
});
