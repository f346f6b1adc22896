import { runMain, runService } from '@ferry/service-host';
import { readErpAdapterConfig } from './config';
import { ErpAdapterModule } from './erp-adapter.module';

runMain(async () => {
  const config = readErpAdapterConfig();
  // Webhook signatures are checked over the exact bytes received, so the raw body is kept; the
  // body cap answers 413 before anything is parsed or verified.
  await runService(ErpAdapterModule.withConfig(config), {
    name: 'erp-adapter',
    port: config.httpPort,
    host: config.httpHost,
    maxBodyBytes: config.webhookMaxBodyBytes,
    rawBody: true,
  });
});
