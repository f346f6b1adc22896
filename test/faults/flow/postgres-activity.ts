import type { SqlExecutor } from '@ferry/persistence';
import { waitFor, type TcpRelay } from '@ferry/test-support';

/**
 * Waits until a process whose Postgres connections go through `relay` is inside a transaction
 * (a batch being applied), as Postgres itself reports it: the moment a fault hits mid-batch.
 */
export async function insideTransaction(
  db: SqlExecutor,
  relay: TcpRelay,
  timeoutMs = 30_000,
): Promise<void> {
  await waitFor(
    'a transaction of the projector to be open',
    async () => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE client_port = ANY($1::int[]) AND xact_start IS NOT NULL AND state <> 'idle'`,
        [relay.upstreamPorts()],
      );
      return (rows[0]?.n ?? 0) > 0 ? true : undefined;
    },
    { timeoutMs, intervalMs: 20 },
  );
}
