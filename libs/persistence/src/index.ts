export { assertIdentifier, openDatabase } from './database';
export type { Database, DatabaseOptions, SqlExecutor, Transaction } from './database';
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
