import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@ferry/test-support';
import { caseFerryHome, freePortRange, runInfraCli, upOrClean } from './local-infra-cli';

export type NodeId = 1 | 2 | 3;

/**
 * A 3-broker KRaft cluster of a case's own (replication 3, min.insync.replicas 2), started by the
 * local infrastructure's CLI in a Ferry home of its own on free ports: a case may kill its
 * brokers, never the shared cluster's. Downloads are shared with the main Ferry home.
 */
export class KafkaCluster {
  private constructor(
    private readonly home: string,
    private readonly basePort: number,
    private readonly env: Readonly<Record<string, string>>,
  ) {}

  /** `schemaRegistryUrl` and `databaseUrl`: the shared ones (the CLI starts neither then). */
  static async start(schemaRegistryUrl: string, databaseUrl: string): Promise<KafkaCluster> {
    const home = caseFerryHome('kafka');
    // Node n listens on base + 2(n-1), its controller on the port after.
    const basePort = await freePortRange(6);
    const cluster = new KafkaCluster(home, basePort, {
      FERRY_KAFKA_PORT: String(basePort),
      KAFKA_BROKERS: '',
      SCHEMA_REGISTRY_URL: schemaRegistryUrl,
      DATABASE_URL: databaseUrl,
    });
    await upOrClean(
      () => cluster.up(),
      () => cluster.stop(),
    );
    return cluster;
  }

  get brokers(): string[] {
    return ([1, 2, 3] as const).map((node) => `127.0.0.1:${this.portOf(node)}`);
  }

  portOf(node: NodeId): number {
    return this.basePort + 2 * (node - 1);
  }

  /** Starts the nodes that are not running and waits until every node sees all three. */
  async up(): Promise<void> {
    await runInfraCli(this.home, ['up', '--brokers', '3'], this.env);
  }

  /** kill -9 of one broker; resolves once the process is gone. */
  async kill(node: NodeId): Promise<void> {
    const pid = this.pidOf(node);
    process.kill(pid, 'SIGKILL');
    await waitFor(
      `broker ${node} (pid ${pid}) to be gone`,
      () => {
        try {
          process.kill(pid, 0);
          return undefined;
        } catch {
          return true;
        }
      },
      { timeoutMs: 10_000, intervalMs: 50 },
    );
  }

  /** Stops every broker of this cluster and deletes its home (the shared downloads stay). */
  async stop(): Promise<void> {
    try {
      await runInfraCli(this.home, ['down'], this.env);
    } finally {
      rmSync(this.home, { recursive: true, force: true });
    }
  }

  private pidOf(node: NodeId): number {
    const record: unknown = JSON.parse(
      readFileSync(join(this.home, 'run', `kafka-${node}.pid`), 'utf8'),
    );
    if (typeof record !== 'object' || record === null || !('pid' in record))
      throw new Error(`no pid in the pid file of broker ${node}`);
    return Number(record.pid);
  }
}
