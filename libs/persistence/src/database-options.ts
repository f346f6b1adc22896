import { integer, option, text, type ConfigOf } from '@ferry/config';
import { databaseTimeoutOptions } from './database-timeouts';

/** What every service with a Postgres schema of its own reads: where, which schema, how many. */
export const databaseOptions = {
  databaseUrl: option(
    'DATABASE_URL',
    text,
    'postgres://postgres@127.0.0.1:5432/ferry',
    'Postgres connection string',
  ),
  databaseSchema: option(
    'FERRY_DB_SCHEMA',
    text,
    'public',
    "Postgres schema of the service's tables (its own, the dedup and the parking tables)",
  ),
  databasePoolSize: option(
    'FERRY_DB_POOL_SIZE',
    integer({ min: 2, max: 200 }),
    10,
    "Connections of the service's one pool; must exceed the transactions its consumers hold at once",
  ),
  ...databaseTimeoutOptions,
};

export type DatabaseConfig = ConfigOf<typeof databaseOptions>;
