export { assertIdentifier, openDatabase } from './database';
export { databaseOptions } from './database-options';
export type { DatabaseConfig } from './database-options';
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
export {
  CLIENT_TIMEOUT_MARGIN_MS,
  databaseTimeoutOptions,
  DefaultDatabaseTimeouts,
} from './database-timeouts';
export type { DatabaseTimeouts } from './database-timeouts';
export {
  applyMigrations,
  MigrationError,
  missingMigrations,
  persistenceMigrations,
  readMigrations,
} from './migrations';
export {
  DatabaseRoleError,
  grantOperatorAccess,
  grantRuntimeAccess,
  runtimeRoleExcesses,
} from './database-roles';
export { runMigrateStep } from './migrate-step';
export { recordOperatorAction } from './operator-actions';
export type { OperatorAction } from './operator-actions';
export type { MigrateStepOptions, MigrateStepResult } from './migrate-step';
export type { MigrationSource } from './migrations';
export { purgeProcessedEvents, recordFirstDeliveries } from './processed-events';
export { canConnect, dropRoles, dropSchema, ensureDatabase, ensureRole } from './server';
export type { RoleSpec } from './server';
export {
  finishDeadLetterReplay,
  listDeadLetterReplays,
  listEffectiveReplays,
  recordDeadLetterReplay,
  recordDeadLetterReplayProgress,
} from './dead-letter-replays';
export type {
  DeadLetterReplayAudit,
  DeadLetterReplayRequest,
  EffectiveReplay,
  JsonObject,
  JsonValue,
} from './dead-letter-replays';
export { classifyStateOutcomes, newestPerKey } from './state/state-outcomes';
export type { KeyResult, StateOutcome, VersionedState } from './state/state-outcomes';
export { column, stateUpsert } from './state/state-upsert';
export type {
  StateColumn,
  StateColumnType,
  StateEvent,
  StateTable,
  StateUpsert,
} from './state/state-upsert';
