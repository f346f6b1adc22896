import { join } from 'node:path';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { jsonLogger } from '@ferry/observability';
import { applyMigrations, openDatabase, type Database } from '@ferry/persistence';
import { ORDER_API_CONFIG, type OrderApiConfig } from '../config';
import { IdempotencyStore } from './idempotency-store';

export const orderApiMigrations = {
  owner: 'order-api',
  directory: join(__dirname, '..', '..', 'migrations'),
};

const HOUR_MS = 3_600_000;

/** The order API's Postgres: migrated at start, old idempotency keys purged hourly. */
@Injectable()
export class OrderStorage implements OnModuleInit, OnModuleDestroy {
  readonly database: Database;
  readonly store: IdempotencyStore;
  private purgeTimer: NodeJS.Timeout | undefined;
  private readonly logger = jsonLogger('order-api');

  constructor(@Inject(ORDER_API_CONFIG) private readonly config: OrderApiConfig) {
    this.database = openDatabase({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      applicationName: 'order-api',
    });
    this.store = new IdempotencyStore(this.database);
  }

  async onModuleInit(): Promise<void> {
    await applyMigrations(this.database, [orderApiMigrations], this.config.databaseSchema);
    this.purgeTimer = setInterval(() => {
      this.store.purge(this.config.idempotencyRetentionMs).then(
        (purged) => {
          if (purged > 0) this.logger.info('purged old idempotency keys', { purged });
        },
        (error: unknown) => {
          this.logger.warn('purging idempotency keys failed; will try again', { error });
        },
      );
    }, HOUR_MS);
    this.purgeTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.purgeTimer);
    await this.database.close();
  }
}
