import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Logger } from '@ferry/observability';
import type { Database } from '@ferry/persistence';
import { PurgeSchedule } from './purge-schedule';

/**
 * A service's own tables on its one pool (DatabaseModule's, which checked the schema and watches
 * Postgres), with rows past their retention purged at start and hourly by the subclass's `purge`.
 */
export abstract class ServiceStorage implements OnModuleInit, OnModuleDestroy {
  private readonly schedule: PurgeSchedule;

  protected constructor(
    readonly database: Database,
    logger: Logger,
  ) {
    this.schedule = new PurgeSchedule(() => this.purge(), logger);
  }

  /** Deletes what is past its retention; returns how many rows of what, for the log. */
  protected abstract purge(): Promise<Readonly<Record<string, number>>>;

  onModuleInit(): void {
    this.schedule.start();
  }

  onModuleDestroy(): void {
    this.schedule.stop();
  }
}
