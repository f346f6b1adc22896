import { FerryError } from '@ferry/failures';
import { assertIdentifier, type SqlExecutor, type Transaction } from './database';

/*
 * Who may do what in a service's schema. The migrate role owns the schema and its tables (it
 * created them); a service runs as a runtime role that reads and writes rows and nothing else;
 * operators (members of a group role) write the audit of what they did. The grants are given by
 * the migrate step, under the migration lock, after the migrations.
 */

/** Tables a service only reads: the migration record (its start-up check) and operators' audit. */
const RUNTIME_READ_ONLY = [
  'ferry_schema_migrations',
  'ferry_dead_letter_replays',
  'ferry_parked_key_releases',
  'ferry_operator_actions',
] as const;

/** What the ops CLI does in a schema, table by table (tables absent from a schema are skipped). */
const OPERATOR_PRIVILEGES: Readonly<Record<string, string>> = {
  ferry_schema_migrations: 'SELECT',
  ferry_dead_letter_replays: 'SELECT, INSERT, UPDATE',
  ferry_parked_key_releases: 'SELECT, INSERT',
  ferry_operator_actions: 'SELECT, INSERT',
  // A release locks the key's row, then hands it to the consumers or drops it.
  ferry_parked_keys: 'SELECT, UPDATE, DELETE',
  ferry_parked_events: 'SELECT',
};

export class DatabaseRoleError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'permanent', options);
  }
}

/**
 * Lets `role` read and write the rows of every table in `schema`, use its sequences, and nothing
 * more: no CREATE, not an owner, so no DROP, ALTER or TRUNCATE. Default privileges cover the
 * tables later migrations (run by the same migrate role) create.
 */
export async function grantRuntimeAccess(
  tx: Transaction,
  schema: string,
  role: string,
): Promise<void> {
  const s = assertIdentifier(schema);
  const r = assertIdentifier(role);
  await requireRole(tx, r, 'FERRY_DB_RUNTIME_ROLE');
  await tx.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
  await tx.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
  await tx.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
  await tx.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
  );
  await tx.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  );
  for (const table of await existingTables(tx, s, RUNTIME_READ_ONLY))
    await tx.query(`REVOKE INSERT, UPDATE, DELETE ON ${s}.${table} FROM ${r}`);
}

/**
 * Lets members of the group role `role` run the ops CLI's audited commands on `schema`. Returns
 * false, granting nothing, when no such role exists (operators are then refused by the CLI).
 */
export async function grantOperatorAccess(
  tx: Transaction,
  schema: string,
  role: string,
): Promise<boolean> {
  return grantToGroupRole(tx, schema, role, OPERATOR_PRIVILEGES);
}

/**
 * Lets members of the group role `role` (the lag exporter's login role) read the replay audit of
 * `schema`, to tell replayed dead letters from unresolved ones, and nothing else. Returns false,
 * granting nothing, when no such role exists.
 */
export async function grantAuditReaderAccess(
  tx: Transaction,
  schema: string,
  role: string,
): Promise<boolean> {
  return grantToGroupRole(tx, schema, role, { ferry_dead_letter_replays: 'SELECT' });
}

/**
 * Grants a group role `privileges` (by table) on those of the tables that exist in `schema`,
 * and the schema's USAGE. Returns false, granting nothing, when no such role exists.
 */
async function grantToGroupRole(
  tx: Transaction,
  schema: string,
  role: string,
  privileges: Readonly<Record<string, string>>,
): Promise<boolean> {
  const s = assertIdentifier(schema);
  const r = assertIdentifier(role);
  if (!(await roleExists(tx, r))) return false;
  await tx.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
  for (const table of await existingTables(tx, s, Object.keys(privileges)))
    await tx.query(`GRANT ${privileges[table] ?? 'SELECT'} ON ${s}.${table} TO ${r}`);
  return true;
}

/**
 * What `role` may do in `schema` beyond reading and writing rows: each entry a sentence. Empty
 * for a role fit to run a service.
 */
export async function runtimeRoleExcesses(
  db: SqlExecutor,
  schema: string,
  role: string,
): Promise<string[]> {
  const { rows } = await db.query<{
    superuser: boolean;
    owns_schema: boolean;
    creates_in_schema: boolean;
    creates_schemas: boolean;
    owned_tables: string;
  }>(
    `SELECT r.rolsuper AS superuser,
            n.nspowner = r.oid AS owns_schema,
            has_schema_privilege(r.oid, n.oid, 'CREATE') AS creates_in_schema,
            has_database_privilege(r.oid, current_database(), 'CREATE') AS creates_schemas,
            (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relowner = r.oid)
              AS owned_tables
     FROM pg_roles r, pg_namespace n
     WHERE r.rolname = $1 AND n.nspname = $2`,
    [role, schema],
  );
  const facts = rows[0];
  if (facts === undefined) return [`role ${role} or schema ${schema} does not exist`];
  return [
    facts.superuser ? `${role} is a superuser` : '',
    facts.owns_schema ? `${role} owns schema ${schema}` : '',
    facts.creates_in_schema ? `${role} may CREATE in schema ${schema}` : '',
    facts.creates_schemas ? `${role} may CREATE schemas in this database` : '',
    Number(facts.owned_tables) > 0
      ? `${role} owns ${facts.owned_tables} relation(s) in ${schema}`
      : '',
  ].filter((excess) => excess !== '');
}

async function roleExists(db: SqlExecutor, role: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  return rowCount > 0;
}

async function requireRole(db: SqlExecutor, role: string, variable: string): Promise<void> {
  if (!(await roleExists(db, role)))
    throw new DatabaseRoleError(`${variable} names role ${role}, which does not exist`);
}

async function existingTables(
  db: SqlExecutor,
  schema: string,
  tables: readonly string[],
): Promise<string[]> {
  const { rows } = await db.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables
     WHERE schemaname = $1 AND tablename = ANY($2::text[]) ORDER BY tablename`,
    [schema, tables],
  );
  return rows.map((row) => row.tablename);
}
