import { join } from 'node:path';

export type BrokerCount = 1 | 3;

export interface KafkaNode {
  readonly id: number;
  readonly port: number;
  readonly controllerPort: number;
  readonly logDir: string;
}

/** One KRaft cluster of combined broker+controller nodes, all on 127.0.0.1. */
export interface KafkaTopology {
  readonly brokers: BrokerCount;
  readonly nodes: readonly KafkaNode[];
  readonly heapMb: number;
  /** Holds the cluster id and the node log dirs; one per broker count, as they cannot share data. */
  readonly dataDir: string;
  readonly replicationFactor: number;
  readonly minInsyncReplicas: number;
}

// Per broker; three nodes on a developer machine get less each.
const HEAP_MB: Record<BrokerCount, number> = { 1: 512, 3: 384 };

export const HOST = '127.0.0.1';

/** Node n listens on basePort + 2(n-1), its controller on the port after. */
export function kafkaTopology(
  brokers: BrokerCount,
  basePort: number,
  kafkaDataRoot: string,
): KafkaTopology {
  const dataDir = join(kafkaDataRoot, `brokers-${brokers}`);
  const nodes = Array.from({ length: brokers }, (_, index) => ({
    id: index + 1,
    port: basePort + 2 * index,
    controllerPort: basePort + 2 * index + 1,
    logDir: join(dataDir, `node-${index + 1}`),
  }));
  return {
    brokers,
    nodes,
    heapMb: HEAP_MB[brokers],
    dataDir,
    replicationFactor: brokers,
    // With three replicas an acks=all write survives one broker down.
    minInsyncReplicas: brokers === 3 ? 2 : 1,
  };
}

export function bootstrapServers(topology: KafkaTopology): string[] {
  return topology.nodes.map((node) => `${HOST}:${node.port}`);
}

export function parseBrokerCount(raw: string): BrokerCount | undefined {
  if (raw === '1') return 1;
  if (raw === '3') return 3;
  return undefined;
}
