import { classifyFailure, isRetriableKind } from '@ferry/failures';
import type { Admin } from '../external/kafka.interface';

/** A partition's offsets as the admin client reports them: `high` is the next offset to write. */
export interface PartitionOffsets {
  readonly partition: number;
  readonly low: string;
  readonly high: string;
}

const OFFSETS_WAIT_MS = 30_000;

/**
 * The low and high watermark of every partition of `topic`. kafkajs' own call gives up at once
 * on a retriable answer such as "not the leader for that topic-partition", which a broker gives
 * while it is still loading a topic that was just created or while leadership moves: those are
 * asked again, with fresh metadata, for up to 30 s.
 */
export async function fetchPartitionOffsets(
  admin: Admin,
  topic: string,
  waitMs = OFFSETS_WAIT_MS,
): Promise<PartitionOffsets[]> {
  const deadline = Date.now() + waitMs;
  for (let pause = 100; ; pause = Math.min(pause * 2, 2000)) {
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.map(({ partition, low, high }) => ({ partition, low, high }));
    } catch (error: unknown) {
      if (!isRetriableKind(classifyFailure(error)) || Date.now() + pause >= deadline) throw error;
    }
    await new Promise((done) => setTimeout(done, pause));
    // Refreshes the client's view of the leaders before the next try.
    await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
  }
}

/** How many records the partitions hold (within retention), from their watermarks. */
export function recordsIn(offsets: readonly PartitionOffsets[]): number {
  return offsets.reduce((sum, { low, high }) => sum + Number(high) - Number(low), 0);
}
