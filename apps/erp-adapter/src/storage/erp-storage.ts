import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@ferry/observability';
import { persistenceMigrations, type Database } from '@ferry/persistence';
import { DATABASE, LOGGER, ServiceStorage } from '@ferry/service-host';
import { ERP_ADAPTER_CONFIG, type ErpAdapterConfig } from '../config';
import { DeliveryLog } from './delivery-log';
import { PostgresCursorStore } from './cursor-store';
import { PublishedEvents } from './published-events';
import { WriteLog } from './write-log';

const erpAdapterMigrations = {
  owner: 'erp-adapter',
  directory: join(__dirname, '..', '..', 'migrations'),
};

/** The adapter's schema: its own tables and the consumers' dedup and parking tables. */
export const erpAdapterMigrationSources = [persistenceMigrations, erpAdapterMigrations];

/**
 * The ERP adapter's own tables on the service's one pool (DatabaseModule checked the schema,
 * the consumers' dedup and parking tables too); old delivery and published-event ids purged
 * hourly.
 */
@Injectable()
export class ErpStorage extends ServiceStorage {
  readonly deliveries: DeliveryLog;
  readonly published: PublishedEvents;
  readonly cursors: PostgresCursorStore;
  readonly writes: WriteLog;

  constructor(
    @Inject(ERP_ADAPTER_CONFIG) private readonly config: ErpAdapterConfig,
    @Inject(DATABASE) database: Database,
    @Inject(LOGGER) logger: Logger,
  ) {
    super(database, logger);
    this.deliveries = new DeliveryLog(this.database);
    this.published = new PublishedEvents(this.database);
    this.cursors = new PostgresCursorStore(this.database);
    this.writes = new WriteLog(this.database);
  }

  protected async purge(): Promise<Record<string, number>> {
    const retentionMs = this.config.deliveryRetentionMs;
    return {
      deliveries: await this.deliveries.purge(retentionMs),
      publishedEvents: await this.published.purge(retentionMs),
    };
  }
}
