import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { ServiceStorage } from '@ferry/service-host';
import { ORDER_API_CONFIG, type OrderApiConfig } from '../config';
import { IdempotencyStore } from './idempotency-store';

export const orderApiMigrations = {
  owner: 'order-api',
  directory: join(__dirname, '..', '..', 'migrations'),
};

/** The order API's Postgres: idempotency keys and placed orders; old keys purged hourly. */
@Injectable()
export class OrderStorage extends ServiceStorage {
  readonly store: IdempotencyStore;

  constructor(@Inject(ORDER_API_CONFIG) private readonly config: OrderApiConfig) {
    super({
      name: 'order-api',
      databaseUrl: config.databaseUrl,
      databaseSchema: config.databaseSchema,
      migrations: [orderApiMigrations],
      timeouts: config,
    });
    this.store = new IdempotencyStore(this.database);
  }

  protected async purge(): Promise<Record<string, number>> {
    return { idempotencyKeys: await this.store.purge(this.config.idempotencyRetentionMs) };
  }
}
