export { assertIdentifier, openDatabase } from './database';
export type {
  Database,
  DatabaseOptions,
  SqlExecutor,
  Transaction,
  TransactionOptions,
} from './database';
export {
  asDatabaseFailure,
  DatabaseUnavailableError,
  isConnectionFailure,
} from './database-errors';
export { databaseTimeoutOptions, DefaultDatabaseTimeouts } from './database-timeouts';
export type { DatabaseTimeouts } from './database-timeouts';
export {
  applyMigrations,
  MigrationError,
  persistenceMigrations,
  readMigrations,
} from './migrations';
export type { MigrationSource } from './migrations';
export { purgeProcessedEvents, recordFirstDeliveries } from './processed-events';
export { canConnect, dropSchema, ensureDatabase } from './server';
export {
  finishDeadLetterReplay,
  listDeadLetterReplays,
  recordDeadLetterReplay,
  recordDeadLetterReplayProgress,
} from './dead-letter-replays';
export type {
  DeadLetterReplayAudit,
  DeadLetterReplayRequest,
  JsonObject,
  JsonValue,
} from './dead-letter-replays';
