import { loadavg } from 'node:os';
import { join } from 'node:path';
import { resultsDir } from '../bench-result';
import { readProfileFrom, summarizeProfile, type ProfileShare } from '../probes/cpu-profile';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase, type Database } from '@ferry/persistence';
import {
  localAuthorization,
  startService,
  uniqueName,
  type RunningService,
} from '@ferry/test-support';
import type { BenchOptions } from '../cli-options';
import { localBrokerPids } from '../probes/broker-pids';
import { pollUntil } from '../probes/poll';
import { CpuWindow, postgresBackendsOf, type CpuPerEvent } from '../probes/cpu-account';
import { countProcessedEvents, readStoredVersions } from '../probes/projection-state';
import { handledEvents, projectorEnv } from '../runs/runtime-projector';
import { Scratch, type BenchEndpoints } from '../scratch';
import { assertProjection } from '../verify-projection';
import { newestVersions, planWorkload } from '../workload';
import {
  percentile,
  postSnapshots,
  sendAll,
  snapshotOf,
  type Intake,
  type Snapshot,
} from './http-load';

type Say = (line: string) => void;

/** The WMS adapter and the projector, running on a topic, group and schema of this run. */
interface Flow {
  readonly adapter: RunningService;
  readonly projector: RunningService;
  readonly intake: Intake;
  readonly topic: string;
  readonly group: string;
  readonly db: Database;
  readonly startedAt: Date;
  readonly brokerPids: readonly number[];
  /** Where the adapter writes its CPU profile, with `--profile 1`. */
  readonly profileDir: string | undefined;
}

export interface FlowCpu {
  /** The WMS adapter: HTTP intake, validation, Avro, Kafka produce. */
  readonly adapter: CpuPerEvent;
  /** The projector, its Postgres backends and the broker. */
  readonly projector: CpuPerEvent;
  /** This process sending the requests (the load generator, not Ferry). */
  readonly loadGeneratorUs: number;
}

export interface EndToEndResult {
  readonly benchmark: 'inventory-end-to-end';
  readonly events: number;
  readonly snapshotsPerRequest: number;
  readonly concurrency: number;
  /** First request sent → last one answered 202 (every event acknowledged by Kafka). */
  readonly intakeSeconds: number;
  readonly intakeEventsPerSecond: number;
  /** First request sent → the projector handled every event. */
  readonly endToEndSeconds: number;
  readonly endToEndEventsPerSecond: number;
  readonly cpu: FlowCpu;
  readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
  /** Self time of the adapter's CPU profile, with `--profile 1`. */
  readonly adapterProfile: readonly ProfileShare[] | undefined;
}

/**
 * HTTP → Kafka → Postgres at full speed: the workload's events as WMS snapshots in requests of
 * `snapshotsPerRequest`, `concurrency` in flight, into the built wms-adapter and
 * inventory-projector processes; checked against the oracle at the end.
 */
export async function runEndToEndBenchmark(
  options: BenchOptions,
  endpoints: BenchEndpoints,
  say: Say,
): Promise<EndToEndResult> {
  const loadAtStart = loadavg()[0] ?? 0;
  return Scratch.use(endpoints, say, async (scratch) => {
    const events = planWorkload({ ...options, endsAtMs: Date.now() });
    const requests = chunk(events.map(snapshotOf), options.snapshotsPerRequest);
    const flow = await startFlow(options, endpoints, scratch, say);
    let stopped = false;
    try {
      say(
        `· sending ${events.length.toLocaleString('en-US')} snapshots in ${requests.length.toLocaleString('en-US')} requests, ${options.concurrency} at a time`,
      );
      const cpuWindow = await startFlowCpu(flow);
      const started = performance.now();
      let intakeEnd = 0;
      try {
        await sendAll(flow.intake, requests, options.concurrency);
        intakeEnd = performance.now();
        await pollUntil(
          `the projector to handle ${events.length} events`,
          async () =>
            (await handledEvents(flow.projector, flow)) >= events.length ? true : undefined,
          { timeoutMs: 120_000 + events.length, intervalMs: 50 },
        );
      } finally {
        cpuWindow.stopSampling();
      }
      const end = performance.now();
      const cpu = await cpuWindow.stop(events.length);
      assertProjection('end to end', newestVersions(events), await readStoredVersions(flow.db), {
        found: await countProcessedEvents(flow.db, flow.group),
        expected: events.length,
      });
      await stopFlow(flow);
      stopped = true;
      return {
        benchmark: 'inventory-end-to-end',
        adapterProfile: adapterProfile(flow),
        events: events.length,
        snapshotsPerRequest: options.snapshotsPerRequest,
        concurrency: options.concurrency,
        intakeSeconds: (intakeEnd - started) / 1000,
        intakeEventsPerSecond: (events.length * 1000) / (intakeEnd - started),
        endToEndSeconds: (end - started) / 1000,
        endToEndEventsPerSecond: (events.length * 1000) / (end - started),
        cpu,
        loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
      };
    } finally {
      if (!stopped) await stopFlow(flow);
    }
  });
}

export interface LatencyRun {
  readonly snapshotsPerRequest: number;
  readonly eventsPerSecond: number;
  /** Probes measured (the warm-up's left out). */
  readonly probes: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly cpu: FlowCpu;
}

export interface LatencyResult {
  readonly benchmark: 'inventory-latency';
  readonly seconds: number;
  readonly runs: readonly LatencyRun[];
  readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
}

/** How often the poller asks Postgres for the probes still outstanding: the clock's resolution. */
const PROBE_POLL_MS = 5;
/** Requests of the first seconds are sent but not measured: connections and JIT warm up. */
const WARM_UP_MS = 2_000;

/**
 * Latency from an HTTP send to the row being visible in Postgres, at a steady rate. Requests go
 * out on a fixed schedule (a late answer does not delay the next send), each carrying one probe
 * snapshot of a key used once; a poller on its own connection looks the outstanding probes up
 * every PROBE_POLL_MS. A probe's latency is the first poll that sees its row minus the time its
 * request was due to be sent: queueing in the client counts, the poll interval bounds the error.
 */
export async function runLatencyBenchmark(
  options: BenchOptions,
  endpoints: BenchEndpoints,
  say: Say,
): Promise<LatencyResult> {
  const loadAtStart = loadavg()[0] ?? 0;
  return Scratch.use(endpoints, say, async (scratch) => {
    const flow = await startFlow(options, endpoints, scratch, say);
    try {
      const runs: LatencyRun[] = [];
      for (const perRequest of [options.snapshotsPerRequest, options.snapshotsPerRequest * 5]) {
        say(
          `· ${options.rate} events/s in requests of ${perRequest} snapshots for ${options.durationS} s`,
        );
        runs.push(await steadyRun(flow, options, perRequest, runs.length + 1));
      }
      return {
        benchmark: 'inventory-latency',
        seconds: options.durationS,
        runs,
        loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
      };
    } finally {
      await stopFlow(flow);
    }
  });
}

async function steadyRun(
  flow: Flow,
  options: BenchOptions,
  perRequest: number,
  runNumber: number,
): Promise<LatencyRun> {
  const intervalMs = (perRequest * 1000) / options.rate;
  const requests = Math.floor((options.durationS * 1000) / intervalMs);
  const run = uniqueName('p');
  const filler = planWorkload({
    events: requests * (perRequest - 1),
    keys: options.keys,
    seed: options.seed,
    endsAtMs: Date.now(),
  });
  const probes = new Map<string, { dueAt: number; visibleAt?: number }>();
  const cpuWindow = await startFlowCpu(flow);
  const started = performance.now();
  const poller = pollProbes(flow.db, probes);
  const sends: Promise<void>[] = [];
  for (let i = 0; i < requests; i++) {
    const dueAt = started + i * intervalMs;
    const wait = dueAt - performance.now();
    if (wait > 0) await sleep(wait);
    const sku = `${run}-${i}`;
    probes.set(sku, { dueAt });
    const snapshots: Snapshot[] = [
      ...filler.slice(i * (perRequest - 1), (i + 1) * (perRequest - 1)).map((event) => ({
        ...snapshotOf(event),
        // Versions above the previous run's: its rows do not make these stale.
        version: event.sourceVersion + runNumber * 10_000_000,
      })),
      { sku, location: 'PROBE', onHand: i, reserved: 0, inTransit: 0, unit: 'unit', version: 1 },
    ];
    sends.push(postSnapshots(flow.intake, snapshots));
  }
  await Promise.all(sends);
  const deadline = performance.now() + 30_000;
  while ([...probes.values()].some((probe) => probe.visibleAt === undefined)) {
    if (performance.now() > deadline) throw new Error('probes still not visible after 30 s');
    await sleep(20);
  }
  await poller.stop();
  cpuWindow.stopSampling();
  const events = requests * perRequest;
  const latencies = [...probes.values()]
    .filter((probe) => probe.dueAt - started >= WARM_UP_MS)
    .map((probe) => (probe.visibleAt ?? Number.NaN) - probe.dueAt);
  return {
    snapshotsPerRequest: perRequest,
    eventsPerSecond: options.rate,
    probes: latencies.length,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.max(...latencies),
    cpu: await cpuWindow.stop(events),
  };
}

/** Looks the outstanding probes up every PROBE_POLL_MS until stopped. */
function pollProbes(
  db: Database,
  probes: Map<string, { dueAt: number; visibleAt?: number }>,
): { stop(): Promise<void> } {
  const state = { running: true };
  const loop = (async () => {
    while (state.running) {
      const outstanding = [...probes]
        .filter(([, p]) => p.visibleAt === undefined)
        .map(([sku]) => sku);
      if (outstanding.length > 0) {
        const { rows } = await db.query<{ sku: string }>(
          "SELECT sku FROM inventory_levels WHERE location = 'PROBE' AND sku = ANY($1)",
          [outstanding],
        );
        const now = performance.now();
        for (const { sku } of rows) {
          const probe = probes.get(sku);
          if (probe && probe.visibleAt === undefined) probe.visibleAt = now;
        }
      }
      await sleep(PROBE_POLL_MS);
    }
  })();
  return {
    async stop() {
      state.running = false;
      await loop;
    },
  };
}

async function startFlow(
  options: BenchOptions,
  endpoints: BenchEndpoints,
  scratch: Scratch,
  say: Say,
): Promise<Flow> {
  const topic = scratch.topic('bench_flow');
  const group = uniqueName('bench_flow');
  const schema = scratch.schema('bench_flow');
  const startedAt = new Date();
  say('· starting the wms-adapter and the inventory-projector');
  const shared = {
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
    FERRY_INVENTORY_TOPIC: topic,
    FERRY_LOG_LEVEL: 'warn',
  };
  const profileDir =
    options.profile === 1
      ? join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}-adapter-profile`)
      : undefined;
  const adapter = await startService('wms-adapter', shared, {
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const projector = await startService('inventory-projector', {
    ...projectorEnv({
      ...endpoints,
      schema,
      topic,
      group,
      maxBatchSize: options.maxBatchSize,
      partitionsConcurrently: options.partitionsConcurrently,
      heapMb: options.projectorHeapMb,
      semiSpaceMb: options.projectorSemiSpaceMb,
    }),
    FERRY_CREATE_TOPICS: 'true',
  });
  const db = openDatabase({ url: endpoints.databaseUrl, schema, maxConnections: 2 });
  return {
    adapter,
    projector,
    intake: { url: adapter.url, authorization: await localAuthorization() },
    topic,
    group,
    db,
    startedAt,
    brokerPids: await localBrokerPids(),
    profileDir,
  };
}

async function stopFlow(flow: Flow): Promise<void> {
  await Promise.all([flow.adapter.stop(), flow.projector.stop()]);
  await flow.db.close();
}

/** The adapter's profile by package and file, once it has exited. */
export function adapterProfile(flow: Pick<Flow, 'profileDir'>): ProfileShare[] | undefined {
  return flow.profileDir ? summarizeProfile(readProfileFrom(flow.profileDir), 20) : undefined;
}

/** CPU of every process of the flow from now on (backends sampled as the pool changes). */
async function startFlowCpu(flow: Flow) {
  const adapter = new CpuWindow({
    consumerPid: flow.adapter.pid,
    postgresBackends: () => Promise.resolve([]),
    brokerPids: [],
  });
  const projector = new CpuWindow({
    consumerPid: flow.projector.pid,
    postgresBackends: postgresBackendsOf(flow.db, 'inventory-projector', flow.startedAt),
    brokerPids: flow.brokerPids,
  });
  await Promise.all([adapter.start(), projector.start()]);
  const loadCpu = process.cpuUsage();
  const sampler = setInterval(() => {
    void projector.sample();
  }, 200);
  return {
    stopSampling(): void {
      clearInterval(sampler);
    },
    async stop(events: number): Promise<FlowCpu> {
      clearInterval(sampler);
      const load = process.cpuUsage(loadCpu);
      return {
        adapter: await adapter.stop(events),
        projector: await projector.stop(events),
        loadGeneratorUs: (load.user + load.system) / events,
      };
    },
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    result.push(items.slice(start, start + size));
  return result;
}
