import { Inject, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { jsonLogger, type Logger } from '@ferry/observability';
import {
  openDatabase,
  type Database,
  type DatabaseTimeouts,
  type MigrationSource,
} from '@ferry/persistence';
import { DatabaseWatch } from './database-watch';
import { requireMigrations } from './migrate/migrations-check';
import { ServiceHealth } from './service-health';

const HOUR_MS = 3_600_000;

export interface ServiceStorageOptions {
  /** The service's name: its Postgres application name and log component. */
  readonly name: string;
  readonly databaseUrl: string;
  readonly databaseSchema: string;
  /** What the schema must have been migrated with (by the migrate step) before the service starts. */
  readonly migrations: readonly MigrationSource[];
  /** Bounds on every wait for Postgres; the persistence defaults where not given. */
  readonly timeouts?: Partial<DatabaseTimeouts>;
}

/**
 * A service's own Postgres tables as a Nest provider: checked at module start (before anything
 * that uses them) to have every migration applied, watched for readiness (component `<name>.postgres`), purged hourly by the
 * subclass's `purge`, closed at stop.
 */
export abstract class ServiceStorage implements OnModuleInit, OnModuleDestroy {
  readonly database: Database;
  protected readonly logger: Logger;
  // Injected by property so that subclasses keep their own constructors.
  @Inject(ServiceHealth) private readonly health!: ServiceHealth;
  private watch: DatabaseWatch | undefined;
  private purgeTimer: NodeJS.Timeout | undefined;

  protected constructor(private readonly options: ServiceStorageOptions) {
    this.database = openDatabase({
      url: options.databaseUrl,
      schema: options.databaseSchema,
      applicationName: options.name,
      timeouts: options.timeouts,
    });
    this.logger = jsonLogger(options.name);
  }

  /** Deletes what is past its retention; returns how many rows of what, for the log. */
  protected abstract purge(): Promise<Readonly<Record<string, number>>>;

  async onModuleInit(): Promise<void> {
    await requireMigrations(this.database, {
      service: this.options.name,
      schema: this.options.databaseSchema,
      sources: this.options.migrations,
    });
    this.watch = new DatabaseWatch(this.database, this.health, `${this.options.name}.postgres`);
    await this.watch.start();
    this.purgeTimer = setInterval(() => void this.purgeNow(), HOUR_MS);
    this.purgeTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.purgeTimer);
    this.watch?.stop();
    await this.database.close();
  }

  private async purgeNow(): Promise<void> {
    try {
      const purged = await this.purge();
      if (Object.values(purged).some((count) => count > 0)) {
        this.logger.info('purged rows past their retention', purged);
      }
    } catch (error: unknown) {
      this.logger.warn('purging old rows failed; will try again', { error });
    }
  }
}
