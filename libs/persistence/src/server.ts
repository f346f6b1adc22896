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
