import { integer, option } from '@ferry/config';

/**
 * Every wait on Postgres is bounded, so that a server that went away or a network that froze
 * (packets dropped, not refused) turns into an error within seconds instead of a hang: the
 * consumer then holds its partitions and reports why, an HTTP service answers 503.
 */
export interface DatabaseTimeouts {
  /** Opening a connection, TCP and start-up included. */
  readonly connectTimeoutMs: number;
  /**
   * One statement, enforced by the server (`statement_timeout`, SQLSTATE 57014: transient) and,
   * a little later, by the client itself, which is what notices a frozen network.
   */
  readonly statementTimeoutMs: number;
  /**
   * How long the server keeps a transaction whose client went silent (`idle_in_transaction_
   * session_timeout`): a frozen client's row locks are released instead of blocking its peers.
   */
  readonly idleInTransactionTimeoutMs: number;
}

export const DefaultDatabaseTimeouts: DatabaseTimeouts = {
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 30_000,
};

/** The client's own bound on a statement comes this much after the server's. */
export const CLIENT_TIMEOUT_MARGIN_MS = 2_000;

/** The timeouts as environment options, for every service that opens a database. */
export const databaseTimeoutOptions = {
  connectTimeoutMs: option(
    'FERRY_DB_CONNECT_TIMEOUT_MS',
    integer({ min: 100 }),
    DefaultDatabaseTimeouts.connectTimeoutMs,
    'Longest wait for a Postgres connection to open',
  ),
  statementTimeoutMs: option(
    'FERRY_DB_STATEMENT_TIMEOUT_MS',
    integer({ min: 100 }),
    DefaultDatabaseTimeouts.statementTimeoutMs,
    'Longest wait for one Postgres statement (server statement_timeout; the client gives up ' +
      `${CLIENT_TIMEOUT_MARGIN_MS} ms later, which bounds a frozen network)`,
  ),
  idleInTransactionTimeoutMs: option(
    'FERRY_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
    integer({ min: 1000 }),
    DefaultDatabaseTimeouts.idleInTransactionTimeoutMs,
    'How long Postgres keeps an open transaction whose client went silent',
  ),
};
