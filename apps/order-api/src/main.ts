import './tracing';
import { listenOn, runService, runServiceMain } from '@ferry/service-host';
import { orderApiOptions, readOrderApiConfig } from './config';
import { orderIngressRoutes } from './ingress-routes';
import { OrderApiModule } from './order-api.module';
import { orderApiMigrations } from './orders/order-storage';

runServiceMain({
  name: 'order-api',
  options: orderApiOptions,
  migrations: [orderApiMigrations],
  start: async () => {
    const config = readOrderApiConfig();
    await runService(OrderApiModule.forRoot(config), {
      name: 'order-api',
      ...listenOn(config),
      maxBodyBytes: config.maxBodyBytes,
      ingress: { auth: config, routes: orderIngressRoutes },
    });
  },
});
