import { Pool, type PoolClient } from 'pg';

/** What Ferry code sees of Postgres: no pg types leave this library. */
export interface SqlExecutor {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the row shape of its own SQL
  query<Row extends object = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<{ rows: Row[]; rowCount: number }>;
}

/** A statement runner bound to one open transaction. */
export type Transaction = SqlExecutor;

export interface Database extends SqlExecutor {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  readonly url: string;
  /** Postgres schema to use (created on demand); lets tests and tenants share one database. */
  readonly schema?: string;
  readonly maxConnections?: number;
  readonly applicationName?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name))
    throw new RangeError(`Not a safe SQL identifier: ${JSON.stringify(name)}`);
  return name;
}

export function openDatabase(options: DatabaseOptions): Database {
  const schema = options.schema === undefined ? undefined : assertIdentifier(options.schema);
  const pool = new Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'ferry',
    ...(schema === undefined ? {} : { options: `-c search_path=${schema},public` }),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return new PooledDatabase(pool);
}

class PooledDatabase implements Database {
  constructor(private readonly pool: Pool) {}

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as SqlExecutor.query
  async query<Row extends object>(text: string, values?: readonly unknown[]) {
    const result = await this.pool.query<Row>(text, values as unknown[] | undefined);
    return { rows: result.rows, rowCount: result.rowCount ?? 0 };
  }

  async transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(clientExecutor(client));
      await client.query('COMMIT');
      return result;
    } catch (error: unknown) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function clientExecutor(client: PoolClient): Transaction {
  return {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as SqlExecutor.query
    async query<Row extends object>(text: string, values?: readonly unknown[]) {
      const result = await client.query<Row>(text, values as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
  };
}
