import { Module, type DynamicModule } from '@nestjs/common';
import { SalesOrderPlacedContract } from '@ferry/contracts';
import { DatabaseModule, KafkaModule, ServiceHostModule } from '@ferry/service-host';
import { ORDER_API_CONFIG, type OrderApiConfig } from './config';
import { IdempotencyStore } from './orders/idempotency-store';
import { orderApiMigrations, OrderStorage } from './orders/order-storage';
import { OrdersController, SALES_ORDER_PUBLISHER } from './orders/orders.controller';
import { orderApiPublications } from './publications';

@Module({})
export class OrderApiModule {
  static forRoot(config: OrderApiConfig): DynamicModule {
    return {
      module: OrderApiModule,
      imports: [
        ServiceHostModule.forRoot({ name: 'order-api' }),
        KafkaModule.forRoot(config),
        DatabaseModule.forRoot({ name: 'order-api', config, migrations: [orderApiMigrations] }),
      ],
      controllers: [OrdersController],
      providers: [
        { provide: ORDER_API_CONFIG, useValue: config },
        orderApiPublications.provider(SALES_ORDER_PUBLISHER, SalesOrderPlacedContract, {
          topic: config.salesOrderTopic,
          createTopics: config.createTopics,
        }),
        OrderStorage,
        {
          provide: IdempotencyStore,
          useFactory: (storage: OrderStorage) => storage.store,
          inject: [OrderStorage],
        },
      ],
    };
  }
}
