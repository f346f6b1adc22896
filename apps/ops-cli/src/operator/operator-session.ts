import {
  DatabaseUnavailableError,
  missingMigrations,
  openDatabase,
  persistenceMigrations,
  recordOperatorAction,
  type Database,
  type OperatorAction,
} from '@ferry/persistence';
import { SOCKET_ERROR_CODES } from '@ferry/failures';
import { OpsError } from '../cli/ops-errors';
import type { OpsCliConfig } from '../config';

/**
 * An operator as Postgres authenticated them. Each operator connects with credentials of their
 * own (DATABASE_URL's user, its password from PGPASSFILE, or a client certificate); the role the
 * session logged in as is the identity, and the audit tables record it themselves.
 */
export interface OperatorSession {
  /** The role the session authenticated as (`session_user`). */
  readonly operator: string;
  /** Postgres as that role: the command's reads and its audited writes. */
  readonly database: Database;
  /** Records an audited operation with no table of its own (`acls apply`, …). */
  readonly recordAction: (action: OperatorAction) => Promise<{ actionId: string }>;
}

/** SQLSTATE class 28: the server refused the login (wrong password, no such role, pg_hba). */
const LOGIN_REFUSED = /^28/;
const PERMISSION_DENIED = '42501';

/**
 * Opens Postgres as the operator for one command and closes it afterwards. Refuses, with a
 * sentence and before anything is done, a role that is not a member of the operator group, and
 * a schema its migrate step has not brought up to date.
 */
export async function withOperatorSession<T>(
  config: OpsCliConfig,
  work: (session: OperatorSession) => Promise<T>,
): Promise<T> {
  const db = openDatabase({
    url: config.databaseUrl,
    schema: config.databaseSchema,
    applicationName: 'ferry-ops-cli',
    maxConnections: 2,
  });
  try {
    const operator = await authenticatedOperator(db, config);
    await requireMigrated(db, config.databaseSchema);
    return await work({
      operator,
      database: db,
      recordAction: (action) => recordOperatorAction(db, action),
    }).catch((error: unknown) => {
      throw refusedOrAsIs(error, operator, config);
    });
  } catch (error: unknown) {
    throw loginFailureOrAsIs(error, config);
  } finally {
    await db.close();
  }
}

async function authenticatedOperator(db: Database, config: OpsCliConfig): Promise<string> {
  const { rows } = await db.query<{ operator: string; group_exists: boolean; member: boolean }>(
    `SELECT session_user AS operator, to_regrole($1) IS NOT NULL AS group_exists,
            coalesce(pg_has_role(session_user, to_regrole($1), 'USAGE'), false) AS member`,
    [config.operatorRole],
  );
  const facts = rows[0];
  if (facts === undefined) throw new OpsError('Postgres did not say who this session is');
  if (!facts.group_exists)
    throw new OpsError(
      `Postgres has no role ${config.operatorRole} (FERRY_DB_OPERATOR_ROLE), the group of ` +
        'operators; create it first (docs/consumer-runtime.md, "Roles and migrations")',
    );
  if (!facts.member)
    throw new OpsError(
      `Postgres role ${facts.operator} is not an operator: it is not a member of ` +
        `${config.operatorRole}. A database administrator grants it with ` +
        `GRANT ${config.operatorRole} TO ${facts.operator};`,
    );
  return facts.operator;
}

async function requireMigrated(db: Database, schema: string): Promise<void> {
  const missing = await missingMigrations(db, [persistenceMigrations], schema);
  if (missing.length > 0)
    throw new OpsError(
      `Schema ${schema} (FERRY_DB_SCHEMA) lacks ${missing.join(', ')}: run the migrate step of ` +
        'the services that use it (`node apps/<service>/dist/main.js migrate`) first',
    );
}

/** A statement the operator's role may not run: the schema's grants are missing. */
function refusedOrAsIs(error: unknown, operator: string, config: OpsCliConfig): unknown {
  if (codeOf(error) !== PERMISSION_DENIED) return error;
  return new OpsError(
    `Postgres refused ${operator}: ${messageOf(error)}. The migrate step of schema ` +
      `${config.databaseSchema} grants ${config.operatorRole} what operators may do; run it again`,
  );
}

function loginFailureOrAsIs(error: unknown, config: OpsCliConfig): unknown {
  if (error instanceof DatabaseUnavailableError || SOCKET_ERROR_CODES.has(codeOf(error)))
    return new OpsError(
      `Postgres at ${hostOf(config.databaseUrl)} is not reachable (DATABASE_URL)`,
    );
  if (LOGIN_REFUSED.test(codeOf(error)))
    return new OpsError(
      `Postgres at ${hostOf(config.databaseUrl)} refused the login: ${messageOf(error)} ` +
        '(check the user in DATABASE_URL and its password in PGPASSFILE)',
    );
  return error;
}

/** The driver's error code (SQLSTATE or socket code) of whatever was thrown; '' when none. */
function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Host and database only: the URL may carry a password. */
function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}
