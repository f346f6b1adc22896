import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import {
  openDatabase,
  type Database,
  type DatabaseConfig,
  type MigrationSource,
} from '@ferry/persistence';
import { requireMigrations } from '../migrate/migrations-check';
import { ServiceHealth } from '../service-health';
import { DatabaseWatch } from './database-watch';

/** The service's one Postgres pool. */
export const DATABASE = Symbol('FerryDatabase');

export interface DatabaseModuleOptions {
  /** The service's name: its Postgres application name and readiness component `<name>.postgres`. */
  readonly name: string;
  /** Where; a service that only reads other schemas (the lag exporter) names none of its own. */
  readonly config: Pick<DatabaseConfig, 'databaseUrl'> & Partial<DatabaseConfig>;
  /**
   * What the service's schema must have been migrated with before anything starts (the migrate
   * step's list); none for a service without a schema of its own.
   */
  readonly migrations: readonly MigrationSource[];
  /** Whether Postgres not answering makes the service not ready; default true. */
  readonly readiness?: boolean;
}

const OPTIONS = Symbol('FerryDatabaseOptions');

/**
 * Checks the schema before any other module starts (every migration applied, or the service
 * refuses to start naming the command that applies them), tells readiness whether Postgres
 * answers, and closes the pool only once every module stopped (consumers committed and left).
 */
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly watch: DatabaseWatch | undefined;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(OPTIONS) private readonly options: DatabaseModuleOptions,
    health: ServiceHealth,
  ) {
    this.watch =
      options.readiness === false
        ? undefined
        : new DatabaseWatch(database, health, `${options.name}.postgres`);
  }

  async onModuleInit(): Promise<void> {
    const { migrations, config, name } = this.options;
    if (migrations.length > 0)
      await requireMigrations(this.database, {
        service: name,
        schema: config.databaseSchema ?? 'public',
        sources: migrations,
      });
    await this.watch?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.watch?.stop();
    await this.database.close();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: DatabaseModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: DATABASE,
          useFactory: () =>
            openDatabase({
              url: config.databaseUrl,
              ...(config.databaseSchema === undefined ? {} : { schema: config.databaseSchema }),
              applicationName: options.name,
              ...(config.databasePoolSize === undefined
                ? {}
                : { maxConnections: config.databasePoolSize }),
              timeouts: config,
            }),
        },
        DatabaseLifecycle,
      ],
      exports: [DATABASE],
    };
  }
}
