import { join } from 'node:path';

export type BrokerCount = 1 | 3;

export interface KafkaNode {
  readonly id: number;
  /** The clients' listener: PLAINTEXT, or SASL_SSL on a secured cluster. */
  readonly port: number;
  readonly controllerPort: number;
  /** A secured cluster's mutual-TLS listener (clients with certificates, and broker to broker). */
  readonly mtlsPort: number | undefined;
  readonly logDir: string;
}

/** One KRaft cluster of combined broker+controller nodes, all on 127.0.0.1. */
export interface KafkaTopology {
  readonly brokers: BrokerCount;
  /** SASL_SSL and mutual TLS listeners, the StandardAuthorizer on (`up --secure`). */
  readonly secure: boolean;
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

/**
 * Node n listens on basePort + 2(n-1), its controller on the port after; a secured node takes
 * three ports (clients' SASL_SSL, controller, mutual TLS) from basePort + 3(n-1).
 */
export function kafkaTopology(
  brokers: BrokerCount,
  basePort: number,
  kafkaDataRoot: string,
  secure = false,
): KafkaTopology {
  // Secured and plaintext clusters cannot share data: their users and listeners differ.
  const dataDir = join(kafkaDataRoot, secure ? `brokers-${brokers}-secure` : `brokers-${brokers}`);
  const stride = portsPerNode(secure);
  const nodes = Array.from({ length: brokers }, (_, index) => ({
    id: index + 1,
    port: basePort + stride * index,
    controllerPort: basePort + stride * index + 1,
    mtlsPort: secure ? basePort + stride * index + 2 : undefined,
    logDir: join(dataDir, `node-${index + 1}`),
  }));
  return {
    brokers,
    secure,
    nodes,
    heapMb: HEAP_MB[brokers],
    dataDir,
    replicationFactor: brokers,
    // With three replicas an acks=all write survives one broker down.
    minInsyncReplicas: brokers === 3 ? 2 : 1,
  };
}

export function portsPerNode(secure: boolean): number {
  return secure ? 3 : 2;
}

export function bootstrapServers(topology: KafkaTopology): string[] {
  return topology.nodes.map((node) => `${HOST}:${node.port}`);
}

export function mtlsBootstrapServers(topology: KafkaTopology): string[] {
  return topology.nodes.flatMap((node) =>
    node.mtlsPort === undefined ? [] : [`${HOST}:${node.mtlsPort}`],
  );
}

export function parseBrokerCount(raw: string): BrokerCount | undefined {
  if (raw === '1') return 1;
  if (raw === '3') return 3;
  return undefined;
}
