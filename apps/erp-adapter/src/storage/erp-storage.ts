import { join } from 'node:path';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { jsonLogger } from '@ferry/observability';
import {
  applyMigrations,
  openDatabase,
  persistenceMigrations,
  type Database,
} from '@ferry/persistence';
import { ERP_ADAPTER_CONFIG, type ErpAdapterConfig } from '../config';
import { DeliveryLog } from './delivery-log';
import { PostgresCursorStore } from './cursor-store';
import { PublishedEvents } from './published-events';
import { WriteLog } from './write-log';

export const erpAdapterMigrations = {
  owner: 'erp-adapter',
  directory: join(__dirname, '..', '..', 'migrations'),
};

const HOUR_MS = 3_600_000;

/**
 * The ERP adapter's Postgres: migrated before anything else starts (the consumers' dedup and
 * parking tables too), old delivery and published-event ids purged hourly.
 */
@Injectable()
export class ErpStorage implements OnModuleInit, OnModuleDestroy {
  readonly database: Database;
  readonly deliveries: DeliveryLog;
  readonly published: PublishedEvents;
  readonly cursors: PostgresCursorStore;
  readonly writes: WriteLog;
  private purgeTimer: NodeJS.Timeout | undefined;
  private readonly logger = jsonLogger('erp-adapter');

  constructor(@Inject(ERP_ADAPTER_CONFIG) private readonly config: ErpAdapterConfig) {
    this.database = openDatabase({
      url: config.databaseUrl,
      schema: config.databaseSchema,
      applicationName: 'erp-adapter',
    });
    this.deliveries = new DeliveryLog(this.database);
    this.published = new PublishedEvents(this.database);
    this.cursors = new PostgresCursorStore(this.database);
    this.writes = new WriteLog(this.database);
  }

  async onModuleInit(): Promise<void> {
    await applyMigrations(
      this.database,
      [persistenceMigrations, erpAdapterMigrations],
      this.config.databaseSchema,
    );
    this.purgeTimer = setInterval(() => void this.purge(), HOUR_MS);
    this.purgeTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.purgeTimer);
    await this.database.close();
  }

  private async purge(): Promise<void> {
    try {
      const retentionMs = this.config.deliveryRetentionMs;
      const deliveries = await this.deliveries.purge(retentionMs);
      const events = await this.published.purge(retentionMs);
      if (deliveries + events > 0)
        this.logger.info('purged old delivery and event ids', { deliveries, events, retentionMs });
    } catch (error: unknown) {
      this.logger.warn('purging delivery and event ids failed; will try again', { error });
    }
  }
}
