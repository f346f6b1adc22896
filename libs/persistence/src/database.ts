import { Pool, type PoolClient, type QueryConfig } from 'pg';
import { asDatabaseFailure, isConnectionFailure } from './database-errors';
import {
  CLIENT_TIMEOUT_MARGIN_MS,
  DefaultDatabaseTimeouts,
  type DatabaseTimeouts,
} from './database-timeouts';

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

export interface TransactionOptions {
  /**
   * This transaction's bound on each statement instead of the database's (migrations, which may
   * wait on each other's advisory lock and rewrite large tables).
   */
  readonly statementTimeoutMs?: number;
}

export interface Database extends SqlExecutor {
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws. A lost
   * or silent connection fails it with DatabaseUnavailableError within the statement timeout.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Resolves when Postgres answers a trivial query within `timeoutMs`; throws otherwise. */
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
  /** Connections the pool opens at most: transactions held at once cannot exceed it. */
  readonly poolSize: number;
}

export interface DatabaseOptions {
  readonly url: string;
  /** Postgres schema to use (created on demand); lets tests and tenants share one database. */
  readonly schema?: string;
  readonly maxConnections?: number;
  readonly applicationName?: string;
  readonly timeouts?: Partial<DatabaseTimeouts>;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** TCP keepalive probes start after this much silence on a connection. */
const KEEPALIVE_DELAY_MS = 10_000;

export function assertIdentifier(name: string): string {
  if (!IDENTIFIER.test(name))
    throw new RangeError(`Not a safe SQL identifier: ${JSON.stringify(name)}`);
  return name;
}

export function openDatabase(options: DatabaseOptions): Database {
  const schema = options.schema === undefined ? undefined : assertIdentifier(options.schema);
  const timeouts = { ...DefaultDatabaseTimeouts, ...options.timeouts };
  const poolSize = options.maxConnections ?? 10;
  const pool = new Pool({
    connectionString: options.url,
    max: poolSize,
    application_name: options.applicationName ?? 'ferry',
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    query_timeout: timeouts.statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema},public` }),
  });
  // A connection lost while its client is idle in the pool, or while it is checked out between
  // two statements, is reported on the client as an 'error' event; unheard, it would crash the
  // process. The statement that meets the broken connection fails and is reported instead.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return new PooledDatabase(pool, poolSize);
}

class PooledDatabase implements Database {
  constructor(
    private readonly pool: Pool,
    readonly poolSize: number,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as SqlExecutor.query
  async query<Row extends object>(text: string, values?: readonly unknown[]) {
    try {
      const result = await this.pool.query<Row>(text, values as unknown[] | undefined);
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    } catch (error: unknown) {
      throw asDatabaseFailure(error);
    }
  }

  async ping(timeoutMs: number): Promise<void> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error: unknown) {
      throw asDatabaseFailure(error);
    }
    let broken = false;
    try {
      await client.query({ text: 'SELECT 1', query_timeout: timeoutMs } as QueryConfig);
    } catch (error: unknown) {
      broken = true;
      throw asDatabaseFailure(error);
    } finally {
      client.release(broken);
    }
  }

  async transaction<T>(
    work: (tx: Transaction) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error: unknown) {
      throw asDatabaseFailure(error);
    }
    const readTimeoutMs =
      options.statementTimeoutMs === undefined
        ? undefined
        : options.statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS;
    const tx = clientExecutor(client, readTimeoutMs);
    let broken = false;
    try {
      await tx.query('BEGIN');
      if (options.statementTimeoutMs !== undefined)
        await tx.query(`SET LOCAL statement_timeout = ${Math.floor(options.statementTimeoutMs)}`);
      const result = await work(tx);
      await tx.query('COMMIT');
      return result;
    } catch (error: unknown) {
      // A connection that failed is dropped, not asked to roll back: the server rolls back the
      // transaction of a connection it lost, and asking a frozen one would wait out another
      // timeout.
      broken = isConnectionFailure(error) || isConnectionFailure(causeOf(error));
      if (!broken) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
      }
      throw asDatabaseFailure(error);
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}

function clientExecutor(client: PoolClient, readTimeoutMs: number | undefined): Transaction {
  return {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- as SqlExecutor.query
    async query<Row extends object>(text: string, values?: readonly unknown[]) {
      const config = { text, values: values as unknown[] | undefined };
      const result = await client.query<Row>(
        readTimeoutMs === undefined
          ? config
          : ({ ...config, query_timeout: readTimeoutMs } as QueryConfig),
      );
      return { rows: result.rows, rowCount: result.rowCount ?? 0 };
    },
  };
}
