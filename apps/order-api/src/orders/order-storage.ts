import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@ferry/observability';
import type { Database } from '@ferry/persistence';
import { DATABASE, LOGGER, ServiceStorage } from '@ferry/service-host';
import { ORDER_API_CONFIG, type OrderApiConfig } from '../config';
import { IdempotencyStore } from './idempotency-store';

export const orderApiMigrations = {
  owner: 'order-api',
  directory: join(__dirname, '..', '..', 'migrations'),
};

/** The order API's tables on its one pool: idempotency keys and placed orders; old keys purged hourly. */
@Injectable()
export class OrderStorage extends ServiceStorage {
  readonly store: IdempotencyStore;

  constructor(
    @Inject(ORDER_API_CONFIG) private readonly config: OrderApiConfig,
    @Inject(DATABASE) database: Database,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(database, logger);
    this.store = new IdempotencyStore(this.database);
  }

  protected async purge(): Promise<Record<string, number>> {
    return { idempotencyKeys: await this.store.purge(this.config.idempotencyRetentionMs) };
  }
}
