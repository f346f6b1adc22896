import { Partitioners, type PartitionMetadata } from 'kafkajs';

/**
 * Kafka's default (Java-compatible murmur2) partitioner for a topic of `partitions` partitions:
 * where the publisher put each key. Lets the SQL-only contenders apply the same per-partition
 * streams the projector reads.
 */
export function keyPartitioner(partitions: number): (key: string) => number {
  const partitionMetadata: PartitionMetadata[] = Array.from({ length: partitions }, (_, id) => ({
    partitionErrorCode: 0,
    partitionId: id,
    leader: 0,
    replicas: [0],
    isr: [0],
  }));
  const partitioner = Partitioners.DefaultPartitioner();
  return (key) => partitioner({ topic: 'bench', partitionMetadata, message: { key, value: null } });
}
