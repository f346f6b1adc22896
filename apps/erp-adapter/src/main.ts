import './tracing';
import { listenOn, runService, runServiceMain } from '@ferry/service-host';
import { erpAdapterOptions, readErpAdapterConfig } from './config';
import { ErpAdapterModule } from './erp-adapter.module';
import { ODOO_WEBHOOK_PATH } from './inbound/odoo-webhook.controller';
import { erpAdapterMigrationSources } from './storage/erp-storage';

runServiceMain({
  name: 'erp-adapter',
  options: erpAdapterOptions,
  migrations: erpAdapterMigrationSources,
  start: async () => {
    const config = readErpAdapterConfig();
    // Webhook signatures are checked over the exact bytes received, so that route's body is kept
    // as bytes and parsed only after the check; the body cap answers 413 before anything is read.
    await runService(ErpAdapterModule.forRoot(config), {
      name: 'erp-adapter',
      ...listenOn(config),
      maxBodyBytes: config.webhookMaxBodyBytes,
      rawBodyPaths: [ODOO_WEBHOOK_PATH],
    });
  },
});
