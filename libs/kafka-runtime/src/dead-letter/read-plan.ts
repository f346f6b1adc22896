import type { PartitionOffsets } from '../admin/offsets';
import type { DeadLetterPosition } from './dead-letter-filter';

/** The offsets of one partition a listing reads, both ends included. */
export interface PartitionRead {
  readonly partition: number;
  readonly from: bigint;
  readonly to: bigint;
}

/**
 * What a listing reads: every record present when it started, and nothing written after, so
 * that it ends. With a position, only that one record (if it still exists).
 */
export function planDeadLetterRead(
  offsets: readonly PartitionOffsets[],
  position?: DeadLetterPosition,
): PartitionRead[] {
  const reads: PartitionRead[] = [];
  for (const { partition, low, high } of offsets) {
    const first = BigInt(low);
    const last = BigInt(high) - 1n;
    if (last < first) continue;
    if (position === undefined) {
      reads.push({ partition, from: first, to: last });
      continue;
    }
    const wanted = BigInt(position.offset);
    if (partition === position.partition && wanted >= first && wanted <= last)
      reads.push({ partition, from: wanted, to: wanted });
  }
  return reads;
}

export function isWanted(
  reads: readonly PartitionRead[],
  partition: number,
  offset: string,
): boolean {
  const read = reads.find((r) => r.partition === partition);
  if (read === undefined) return false;
  const at = BigInt(offset);
  return at >= read.from && at <= read.to;
}

/** True once every planned partition has been read up to its last planned offset. */
export function isReadComplete(
  reads: readonly PartitionRead[],
  reached: ReadonlyMap<number, bigint>,
): boolean {
  return reads.every((read) => (reached.get(read.partition) ?? -1n) >= read.to);
}
