import { Client } from 'pg';
import { assertIdentifier } from './database';

/** True when a Postgres server accepts a connection at `url` within `timeoutMs`. */
export async function canConnect(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates database `name` on the server at `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  assertIdentifier(name);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } catch (error: unknown) {
        // Two processes racing to create it: the loser sees duplicate_database (42P04).
        if (!(error instanceof Error && 'code' in error && error.code === '42P04')) throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/** Drops a schema and everything in it (tests clean up their own schema). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  assertIdentifier(schema);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

export interface RoleSpec {
  readonly name: string;
  /** A role to connect as; a group role (operators) does not log in. */
  readonly login: boolean;
  readonly password?: string;
  /** Group roles it is made a member of. */
  readonly memberOf?: readonly string[];
  /** May create schemas in the database of `adminUrl` (the migrate role). */
  readonly createsSchemas?: boolean;
}

/**
 * Creates a role unless one of its name exists (an existing role keeps its attributes and
 * password), then adds what `spec` grants. Needs a connection allowed to create roles.
 * Returns whether the role was created.
 */
export async function ensureRole(adminUrl: string, spec: RoleSpec): Promise<boolean> {
  assertIdentifier(spec.name);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [spec.name]);
    let created = found.rowCount === 0;
    if (created) {
      // Role statements take no parameters: the server quotes the names and the password.
      const { rows } = await client.query<{ statement: string }>(
        `SELECT format('CREATE ROLE %I ${spec.login ? 'LOGIN' : 'NOLOGIN'} PASSWORD %L', $1::text, $2::text) AS statement`,
        [spec.name, spec.password ?? null],
      );
      try {
        await client.query(rows[0]?.statement ?? '');
      } catch (error: unknown) {
        // Two processes racing to create it: the loser sees duplicate_object (42710).
        if (!(error instanceof Error && 'code' in error && error.code === '42710')) throw error;
        created = false;
      }
    }
    for (const group of spec.memberOf ?? [])
      await client.query(`GRANT ${assertIdentifier(group)} TO ${spec.name}`);
    if (spec.createsSchemas === true) {
      const { rows } = await client.query<{ statement: string }>(
        `SELECT format('GRANT CREATE ON DATABASE %I TO %I', current_database(), $1::text) AS statement`,
        [spec.name],
      );
      await client.query(rows[0]?.statement ?? '');
    }
    return created;
  } finally {
    await client.end();
  }
}

/**
 * Drops roles, first revoking what they were granted in the database of `adminUrl` and dropping
 * what they own there (tests clean up the roles they made).
 */
export async function dropRoles(adminUrl: string, names: readonly string[]): Promise<void> {
  names.forEach(assertIdentifier);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ rolname: string }>(
      'SELECT rolname FROM pg_roles WHERE rolname = ANY($1::text[])',
      [names],
    );
    const existing = rows.map((row) => row.rolname);
    if (existing.length === 0) return;
    await client.query(`DROP OWNED BY ${existing.join(', ')}`);
    await client.query(`DROP ROLE ${existing.join(', ')}`);
  } finally {
    await client.end();
  }
}
