import {
  isolatedDatabase,
  readMetrics,
  sampleValue,
  startService,
  startTcpRelay,
  testEnvironment,
  uniqueName,
  waitFor,
  type IsolatedDatabase,
  type RunningService,
  type TcpRelay,
} from '@ferry/test-support';
import {
  deliveryFailures,
  deliveryFigures,
  deliveryMeasurement,
  topicContents,
} from '../audit/delivery-figures';
import { installEffectAudit, recordedCount, recordedEventIds } from '../audit/effect-audit';
import { stateDifferences, storedLevels } from '../audit/inventory-state';
import { HealthWatch } from '../health/health-watch';
import { deleteCaseTopics } from '../infra/delete-topics';
import { WmsSnapshotLoad } from '../load/wms-snapshot-load';
import type { FaultSubject, Measurement } from '../report/fault-case';
import { insideTransaction } from './postgres-activity';
import { crashedProcesses, isRunning } from './process-state';
import { stopWithin, type StopOutcome } from './stop-within';

/** Where the flow's services find Kafka, the registry and Postgres (shared, or a case's own). */
export interface FlowEndpoints {
  readonly kafkaBrokers: readonly string[];
  readonly schemaRegistryUrl: string;
  readonly databaseUrl: string;
}

/** An inventory-projector process and the relay its Postgres connections go through. */
export interface Projector {
  readonly label: string;
  readonly service: RunningService;
  readonly relay: TcpRelay;
}

/** Compressed retry schedule, as in the scenarios: a case runs for seconds, not hours. */
const RETRY_DELAYS_MS = '1000,2000';

/**
 * The inventory flow as real processes: the WMS adapter (snapshots in, InventoryLevelSet out, on
 * a topic of this case alone), any number of inventory-projector instances in one group (each
 * with its Postgres connections through its own TCP relay, so that a case can drop or freeze them),
 * a schema of this case with the audit triggers, the snapshot load with its oracle, and the health
 * of every process, polled.
 */
export class InventoryFlow implements FaultSubject {
  readonly health = new HealthWatch();
  readonly load: WmsSnapshotLoad;
  /** The projector started last under each label. */
  readonly projectors = new Map<string, Projector>();
  /** Every projector process started, restarted ones included. */
  private readonly everyProjector: Projector[] = [];
  /** Processes a case ended on purpose; any other that is gone crashed. */
  private readonly endedOnPurpose = new Set<RunningService>();
  private readonly relays: TcpRelay[] = [];
  private auditInstalled = false;
  private adapter: RunningService | undefined;
  /** Every WMS adapter process started, restarted ones included. */
  private readonly adapters: RunningService[] = [];

  private constructor(
    readonly endpoints: FlowEndpoints,
    readonly topic: string,
    readonly group: string,
    readonly database: IsolatedDatabase,
    skuCount: number,
  ) {
    this.load = new WmsSnapshotLoad(() => this.wmsAdapter.url, `${topic}-SKU`, skuCount);
  }

  static async start(prefix: string, endpoints: FlowEndpoints, skuCount = 300) {
    const flow = new InventoryFlow(
      endpoints,
      uniqueName(`${prefix}_inventory`),
      uniqueName(`${prefix}_projector`),
      isolatedDatabase(endpoints.databaseUrl, prefix),
      skuCount,
    );
    await flow.startWmsAdapter();
    return flow;
  }

  get wmsAdapter(): RunningService {
    if (this.adapter === undefined) throw new Error('the WMS adapter is not running');
    return this.adapter;
  }

  /** Starts (or starts again) the WMS adapter; it creates the case's topic. */
  async startWmsAdapter(): Promise<RunningService> {
    this.adapter = await startService('wms-adapter', {
      KAFKA_BROKERS: this.endpoints.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: this.endpoints.schemaRegistryUrl,
      FERRY_INVENTORY_TOPIC: this.topic,
      FERRY_RETRY_DELAYS_MS: RETRY_DELAYS_MS,
    });
    this.adapters.push(this.adapter);
    this.health.watch('wms-adapter', this.adapter.url);
    return this.adapter;
  }

  /** Starts an instance of the projector under `label`, with the production defaults. */
  async startProjector(label: string): Promise<Projector> {
    const target = new URL(this.endpoints.databaseUrl);
    const relay = await startTcpRelay(target.hostname, Number(target.port || '5432'));
    this.relays.push(relay);
    const viaRelay = new URL(this.endpoints.databaseUrl);
    viaRelay.host = relay.address;
    const service = await startService('inventory-projector', {
      KAFKA_BROKERS: this.endpoints.kafkaBrokers.join(','),
      KAFKA_CLIENT_ID: `fault-${label}`,
      SCHEMA_REGISTRY_URL: this.endpoints.schemaRegistryUrl,
      DATABASE_URL: viaRelay.toString(),
      FERRY_DB_SCHEMA: this.database.schema,
      FERRY_INVENTORY_TOPIC: this.topic,
      FERRY_CONSUMER_GROUP: this.group,
      FERRY_RETRY_DELAYS_MS: RETRY_DELAYS_MS,
    });
    const projector = { label, service, relay };
    this.projectors.set(label, projector);
    this.everyProjector.push(projector);
    this.health.watch(label, service.url);
    if (!this.auditInstalled) {
      // The projector's migrations created the tables the triggers watch.
      await installEffectAudit(this.database.db, this.database.schema, {
        table: 'inventory_levels',
        eventIdColumn: 'source_event_id',
      });
      this.auditInstalled = true;
    }
    return projector;
  }

  /** kill -9 of a projector, as a crash would end it. */
  async killProjector(label: string): Promise<void> {
    const { service } = this.projector(label);
    this.endedOnPurpose.add(service);
    await service.kill();
  }

  /** SIGTERM to a projector; see stopWithin. */
  async stopProjector(label: string, withinMs: number): Promise<StopOutcome> {
    const { service } = this.projector(label);
    this.endedOnPurpose.add(service);
    return stopWithin(service, withinMs);
  }

  /** A line for every process that is gone although the case did not end it. */
  crashed(): string[] {
    return crashedProcesses(
      [
        ...this.everyProjector.map(({ label, service }) => [label, service] as const),
        ...this.adapters.map((adapter) => ['wms-adapter', adapter] as const),
      ],
      this.endedOnPurpose,
    );
  }

  /** Waits until `projector` is mid-batch: `applied` events done and a transaction of its open. */
  async midBatch(projector: Projector, applied = 1000): Promise<void> {
    await this.applied(applied, 60_000);
    await insideTransaction(this.database.db, projector.relay);
  }

  projector(label: string): Projector {
    const projector = this.projectors.get(label);
    if (projector === undefined) throw new Error(`no projector ${label}`);
    return projector;
  }

  /** Acknowledged events not yet recorded as processed (about: unacknowledged ones count too). */
  async backlog(): Promise<number> {
    return this.load.oracle.eventCount - (await recordedCount(this.database.db, this.group));
  }

  /**
   * Runs `scenario` while the snapshot load keeps the projectors busy (a backlog of up to 1500
   * events), then stops the load.
   */
  async underLoad(scenario: () => Promise<void>): Promise<void> {
    const loading = this.load.run(() => this.backlog());
    try {
      await scenario();
    } finally {
      this.load.stop();
      await loading;
    }
  }

  /** Waits until `count` events are recorded as processed. */
  async applied(count: number, timeoutMs: number): Promise<void> {
    await waitFor(
      `${count} events to be applied`,
      async () => ((await recordedCount(this.database.db, this.group)) >= count ? true : undefined),
      { timeoutMs, intervalMs: 200 },
    );
  }

  /** Waits until `more` events beyond those recorded now are recorded as processed. */
  async appliedMore(more: number, timeoutMs: number): Promise<void> {
    await this.applied((await recordedCount(this.database.db, this.group)) + more, timeoutMs);
  }

  /** Waits until every acknowledged event is recorded as processed. */
  async caughtUp(timeoutMs: number): Promise<void> {
    const expected = this.load.oracle.eventIds();
    await waitFor(
      `all ${expected.size} acknowledged events to be applied`,
      async () => {
        const recorded = await recordedEventIds(this.database.db, this.group);
        const missing = [...expected].filter((id) => !recorded.has(id)).length;
        if (missing === 0) return true;
        throw new Error(`${missing} still missing`);
      },
      { timeoutMs, intervalMs: 500 },
    );
  }

  /**
   * Lost (acknowledged, never recorded as processed), applied twice, a final `inventory_levels`
   * that differs from the oracle, and the time from `from` until every partition applied again.
   */
  async measure(from: number): Promise<Measurement> {
    const { db } = this.database;
    const topic = await topicContents(this.endpoints.kafkaBrokers, this.topic, this.load);
    const figures = await deliveryFigures(db, this.group, this.load, topic, from);
    const deadLettered = await this.deadLettered();
    const differences = stateDifferences(
      await storedLevels(db),
      this.load.oracle.newest(),
      this.load.unacknowledged(),
    );
    return deliveryMeasurement(
      this.load,
      figures,
      [
        ...this.crashed(),
        ...deliveryFailures(figures, topic, this.load, from),
        ...(deadLettered > 0 ? [`${deadLettered} events dead-lettered`] : []),
        ...(differences.length > 0
          ? [`final state differs for ${differences.length} entities, e.g. ${differences[0]}`]
          : []),
      ],
      {
        'dead-lettered (running projectors)': deadLettered,
        'WMS adapter answers': JSON.stringify(this.load.tally.answers),
      },
    );
  }

  /**
   * Events the running projectors sent to the dead-letter topic (`ferry_consumer_dead_lettered_
   * total`): a fault that is only an outage must spend no attempts. A killed process takes its
   * count with it; its dead letters still show as lost.
   */
  async deadLettered(): Promise<number> {
    let total = 0;
    for (const { service } of this.projectors.values()) {
      if (!isRunning(service.pid)) continue;
      total += sampleValue(await readMetrics(service.url), 'ferry_consumer_dead_lettered_total', {
        group: this.group,
      });
    }
    return total;
  }

  healthSamples() {
    return this.health.samples();
  }

  processOutputs(): Record<string, string> {
    const outputs: Record<string, string> = {};
    for (const { label, service } of this.everyProjector)
      outputs[label in outputs ? `${label}-${service.pid}` : label] = service.output();
    for (const [index, adapter] of this.adapters.entries())
      outputs[index === 0 ? 'wms-adapter' : `wms-adapter-${index + 1}`] = adapter.output();
    return outputs;
  }

  /** Stops every process this flow started (SIGKILL: a case may have left them anywhere). */
  async stop(): Promise<void> {
    this.load.stop();
    await this.health.stop();
    await Promise.all(this.everyProjector.map((p) => p.service.kill()));
    await Promise.all(this.adapters.map((adapter) => adapter.kill()));
    await Promise.all(this.relays.map((relay) => relay.close()));
    await this.database.drop();
    const problem = await deleteCaseTopics(this.endpoints.kafkaBrokers.join(','), [this.topic]);
    if (problem !== undefined) console.warn(`topics of ${this.topic} not deleted: ${problem}`);
  }
}

/**
 * For a describe block whose cases each run their own flow: starts one (on the shared
 * infrastructure unless `endpoints` says otherwise) and stops it after the case, whatever
 * happened.
 */
export function flowPerCase(): (
  prefix: string,
  endpoints?: FlowEndpoints,
) => Promise<InventoryFlow> {
  let flow: InventoryFlow | undefined;
  afterEach(async () => {
    await flow?.stop();
    flow = undefined;
  }, 120_000);
  return async (prefix, endpoints = testEnvironment()) => {
    flow = await InventoryFlow.start(prefix, endpoints);
    return flow;
  };
}
