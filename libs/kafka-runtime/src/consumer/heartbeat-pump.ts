import type { EachBatchPayload } from '../external/kafka.interface';

/**
 * kafkajs heartbeats only between batches and when a handler asks it to; a slice whose
 * transaction waits on a slow or frozen Postgres would otherwise go silent for longer than the
 * session timeout, and the group would move its partitions away mid-work. While a batch is being
 * handled, this asks kafkajs to heartbeat every `intervalMs` (kafkajs sends one only when its own
 * interval has passed). A failed heartbeat (a rebalance began) is not acted on here: the handler's
 * next own heartbeat meets the same answer and kafkajs rejoins.
 */
export async function withHeartbeats<R>(
  payload: EachBatchPayload,
  intervalMs: number,
  work: () => Promise<R>,
): Promise<R> {
  const timer = setInterval(() => {
    payload.heartbeat().catch(() => undefined);
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
