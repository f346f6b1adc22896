/**
 * The events of each partition in publishing order, cut into transactions of at most `batchSize`
 * events: what the projector's consumer sees, minus Kafka.
 */
export function partitionBatches<T>(
  events: readonly T[],
  partitions: number,
  partitionOf: (event: T) => number,
  batchSize: number,
): T[][][] {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1)
    throw new RangeError(`Batch size must be a positive integer, got ${batchSize}`);
  const streams: T[][] = Array.from({ length: partitions }, () => []);
  for (const event of events) {
    const stream = streams[partitionOf(event)];
    if (!stream) throw new RangeError(`Partition out of range for a topic of ${partitions}`);
    stream.push(event);
  }
  return streams.map((stream) => {
    const batches: T[][] = [];
    for (let start = 0; start < stream.length; start += batchSize)
      batches.push(stream.slice(start, start + batchSize));
    return batches;
  });
}

/**
 * Runs every partition's batches with at most `concurrency` in flight, one at a time per
 * partition and in order within it (as kafkajs' `partitionsConsumedConcurrently` does). A free
 * worker takes the least advanced partition that is not busy, so partitions progress evenly.
 */
export async function applyPartitionsConcurrently<T>(
  batchesByPartition: readonly (readonly T[][])[],
  concurrency: number,
  apply: (batch: readonly T[], partition: number) => Promise<void>,
): Promise<void> {
  const cursors = batchesByPartition.map((batches, partition) => ({
    partition,
    batches,
    next: 0,
    busy: false,
  }));
  const worker = async (): Promise<void> => {
    for (;;) {
      const free = cursors
        .filter((c) => !c.busy && c.next < c.batches.length)
        .sort((a, b) => a.next - b.next)[0];
      if (!free) return;
      const batch = free.batches[free.next];
      free.next += 1;
      free.busy = true;
      try {
        if (batch) await apply(batch, free.partition);
      } finally {
        free.busy = false;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
