import { rmSync } from 'node:fs';
import { uniqueName, type TestEnvironment } from '@ferry/test-support';
import { caseFerryHome, freePortRange, runInfraCli, upOrClean } from './local-infra-cli';

/**
 * An Apicurio registry of a case's own, started and stopped by the local infrastructure's CLI
 * (`up`, `down`) in a Ferry home of its own on a free port, exactly as `npm run infra -- up`
 * starts the shared one, with its state in a database of its own (removed with `reset`); Kafka
 * and Postgres are the shared ones.
 */
export class LocalRegistry {
  private constructor(
    private readonly home: string,
    private readonly port: number,
    private readonly env: Readonly<Record<string, string>>,
  ) {}

  static async start(shared: TestEnvironment): Promise<LocalRegistry> {
    const home = caseFerryHome('registry');
    const registry = new LocalRegistry(home, await freePortRange(1), {
      KAFKA_BROKERS: shared.kafkaBrokers.join(','),
      DATABASE_URL: shared.databaseUrl,
      SCHEMA_REGISTRY_URL: '',
      FERRY_REGISTRY_DATABASE: uniqueName('fault_registry'),
    });
    await upOrClean(
      () => registry.up(),
      () => registry.remove(),
    );
    return registry;
  }

  /**
   * Registers a schema under a subject of its own: a registry serves more than one subject, and
   * the next schema then gets another id than the first one a fresh registry hands out, so that
   * ids handed out again after a restart cannot pass for kept ones.
   */
  async registerAnotherSubject(): Promise<number> {
    const subject = uniqueName('fault_other');
    const schema = {
      type: 'record',
      name: 'Other',
      namespace: `ferry.faults.${subject}`,
      fields: [{ name: 'value', type: 'string' }],
    };
    const response = await fetch(`${this.url}/subjects/${subject}/versions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema: JSON.stringify(schema) }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 200)
      throw new Error(
        `registering ${subject} answered ${response.status}: ${await response.text()}`,
      );
    return ((await response.json()) as { id: number }).id;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/apis/ccompat/v7`;
  }

  /** Starts it (unless it runs) and waits until it answers. */
  async up(): Promise<void> {
    await runInfraCli(this.home, ['up'], {
      ...this.env,
      FERRY_REGISTRY_PORT: String(this.port),
    });
  }

  /** Stops it as `npm run infra -- down` does (SIGTERM, then SIGKILL after a grace period). */
  async down(): Promise<void> {
    await runInfraCli(this.home, ['down'], this.env);
  }

  /** Stops it and drops its database. */
  async remove(): Promise<void> {
    try {
      await runInfraCli(this.home, ['reset'], this.env);
    } finally {
      rmSync(this.home, { recursive: true, force: true });
    }
  }
}
