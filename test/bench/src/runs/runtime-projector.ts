import { openDatabase } from '@ferry/persistence';
import { startService, type RunningService } from '@ferry/test-support';
import { applyRate, type ApplyRate } from '../figures';
import { pollUntil } from '../probes/poll';
import { readProfileFrom, summarizeProfile, type ProfileShare } from '../probes/cpu-profile';
import { CpuWindow, postgresBackendsOf, type CpuPerEvent } from '../probes/cpu-account';
import { readCpuSeconds, readProcessMemory } from '../probes/process-memory';
import { countProcessedEvents, readStoredVersions } from '../probes/projection-state';
import { sampleValue as sampleSum } from '@ferry/test-support';

export interface RuntimeRunOptions {
  readonly kafkaBrokers: readonly string[];
  readonly schemaRegistryUrl: string;
  readonly databaseUrl: string;
  readonly schema: string;
  readonly topic: string;
  readonly group: string;
  readonly events: number;
  readonly maxBatchSize: number;
  readonly partitionsConcurrently: number;
  /** `--max-old-space-size` of the projector; 0 leaves Node's default (a share of the RAM). */
  readonly heapMb: number;
  /** `--max-semi-space-size` of the projector; 0 leaves Node's default. */
  readonly semiSpaceMb: number;
  readonly timeoutMs: number;
  /** The local broker processes whose CPU the run counts ([] when the broker is elsewhere). */
  readonly brokerPids: readonly number[];
  /** Where the projector writes its CPU profile (`--cpu-prof`); none when undefined. */
  readonly profileDir: string | undefined;
}

export interface RuntimeRunResult {
  readonly rate: ApplyRate;
  /** Process start to the last event handled: startup, migrations and group join included. */
  readonly wallSeconds: number;
  /** CPU the projector used while the clock ran (user + system); 1.0 per second = one core. */
  readonly cpuSeconds: number;
  readonly peakRssBytes: number;
  readonly cpuPerEvent: CpuPerEvent;
  /** Self time of the projector's CPU profile by package or Ferry file, when one was recorded. */
  readonly profile: readonly ProfileShare[] | undefined;
  /**
   * Times the projector joined its group over the run (`ferry_consumer_group_joins_total`): 1
   * unless the group rebalanced under the load (a session lost to missing heartbeats, say).
   */
  readonly groupJoins: number;
  readonly outcomes: Readonly<Record<string, number>>;
  readonly stored: Map<string, number>;
  readonly processedEvents: number;
  readonly env: Readonly<Record<string, string>>;
}

const OUTCOMES = ['applied', 'superseded', 'stale', 'duplicate'] as const;
/**
 * Poll interval of `/metrics`: the clock's resolution at both ends. A scrape costs the projector
 * some CPU (default process metrics); every 100 ms keeps that to a few percent.
 */
const POLL_MS = 100;

/**
 * The real thing: the built inventory projector in its own process, on a topic that already holds
 * every event. The clock starts at the first handled batch (so process start and the group join
 * are left out) and stops when the projector's own counter reaches the number of events.
 */
export async function runRuntimeProjector(options: RuntimeRunOptions): Promise<RuntimeRunResult> {
  const env = projectorEnv(options);
  const spawnedAt = performance.now();
  const spawnedAtDate = new Date();
  const projector = await startService('inventory-projector', env, {
    nodeArgs: options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [],
  });
  const probeDb = openDatabase({ url: options.databaseUrl, maxConnections: 1 });
  let measured: Omit<RuntimeRunResult, 'profile'>;
  try {
    const cpu = new CpuWindow({
      consumerPid: projector.pid,
      // The service's pool names its connections after it (application_name).
      postgresBackends: postgresBackendsOf(probeDb, 'inventory-projector', spawnedAtDate),
      brokerPids: options.brokerPids,
    });
    const { start, end, cpuSeconds, cpuPerEvent } = await timeApplication(projector, options, cpu);
    const { peakRssBytes } = await readProcessMemory(projector.pid);
    measured = {
      rate: applyRate(end.count - start.count, end.at - start.at),
      wallSeconds: (end.at - spawnedAt) / 1000,
      cpuSeconds,
      peakRssBytes,
      cpuPerEvent,
      groupJoins: await readGroupJoins(projector, options),
      outcomes: await readOutcomes(projector, options),
      ...(await readProjection(options)),
      env,
    };
  } catch (error: unknown) {
    throw await explainFailure(projector, error);
  } finally {
    await projector.stop();
    await probeDb.close();
  }
  // The profile is written as the projector exits.
  const { profileDir } = options;
  return {
    ...measured,
    profile: profileDir ? summarizeProfile(readProfileFrom(profileDir)) : undefined,
  };
}

/** The projector's environment for a run of its own (topic, group, schema, batch and heap). */
export function projectorEnv(
  options: Pick<
    RuntimeRunOptions,
    | 'kafkaBrokers'
    | 'schemaRegistryUrl'
    | 'databaseUrl'
    | 'schema'
    | 'topic'
    | 'group'
    | 'maxBatchSize'
    | 'partitionsConcurrently'
    | 'heapMb'
    | 'semiSpaceMb'
  >,
): Record<string, string> {
  return {
    KAFKA_BROKERS: options.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: options.schemaRegistryUrl,
    DATABASE_URL: options.databaseUrl,
    FERRY_DB_SCHEMA: options.schema,
    FERRY_INVENTORY_TOPIC: options.topic,
    FERRY_CONSUMER_GROUP: options.group,
    FERRY_MAX_BATCH_SIZE: String(options.maxBatchSize),
    FERRY_PARTITIONS_CONCURRENTLY: String(options.partitionsConcurrently),
    FERRY_CREATE_TOPICS: 'false',
    FERRY_LOG_LEVEL: 'warn',
    NODE_OPTIONS: [
      options.heapMb > 0 ? `--max-old-space-size=${options.heapMb}` : '',
      options.semiSpaceMb > 0 ? `--max-semi-space-size=${options.semiSpaceMb}` : '',
    ]
      .filter(Boolean)
      .join(' '),
  };
}

interface Mark {
  readonly count: number;
  readonly at: number;
}

/** Polls the handled-event counter: first batch, then every event; CPU used in between. */
async function timeApplication(
  projector: RunningService,
  options: RuntimeRunOptions,
  cpu: CpuWindow,
): Promise<{ start: Mark; end: Mark; cpuSeconds: number; cpuPerEvent: CpuPerEvent }> {
  let counting = false;
  const markWhen = (reached: (count: number) => boolean) => async (): Promise<Mark | undefined> => {
    assertRunning(projector);
    if (counting) await cpu.sample();
    const count = await handledEvents(projector, options);
    return reached(count) ? { count, at: performance.now() } : undefined;
  };
  const waitOptions = { timeoutMs: options.timeoutMs, intervalMs: POLL_MS };
  const start = await pollUntil(
    'the projector to handle its first batch',
    markWhen((count) => count > 0),
    waitOptions,
  );
  const cpuAtStart = await readCpuSeconds(projector.pid);
  await cpu.start();
  counting = true;
  const end = await pollUntil(
    `the projector to handle ${options.events} events`,
    markWhen((count) => count >= options.events),
    waitOptions,
  );
  const cpuSeconds = (await readCpuSeconds(projector.pid)) - cpuAtStart;
  return { start, end, cpuSeconds, cpuPerEvent: await cpu.stop(end.count - start.count) };
}

/** Events the projector handled so far, whatever their outcome. */
export async function handledEvents(
  projector: RunningService,
  options: Pick<RuntimeRunOptions, 'group' | 'topic'>,
): Promise<number> {
  const outcomes = await readOutcomes(projector, options);
  return Object.values(outcomes).reduce((sum, n) => sum + n, 0);
}

/** The projector's `ferry_consumer_events_total` of its group and topic, by outcome. */
export async function readOutcomes(
  projector: RunningService,
  options: Pick<RuntimeRunOptions, 'group' | 'topic'>,
): Promise<Record<string, number>> {
  const text = await (await fetch(`${projector.url}/metrics`)).text();
  const labels = { group: options.group, topic: options.topic };
  return Object.fromEntries(
    OUTCOMES.map((outcome) => [
      outcome,
      sampleSum(text, 'ferry_consumer_events_total', { ...labels, outcome }),
    ]),
  );
}

async function readGroupJoins(
  projector: RunningService,
  options: RuntimeRunOptions,
): Promise<number> {
  const text = await (await fetch(`${projector.url}/metrics`)).text();
  return sampleSum(text, 'ferry_consumer_group_joins_total', { group: options.group });
}

/** A stalled or failed run says why: the projector's counters and its last output. */
async function explainFailure(projector: RunningService, error: unknown): Promise<Error> {
  const metrics = await fetch(`${projector.url}/metrics`)
    .then(async (response) => response.text())
    .then((text) => text.split('\n').filter((line) => line.startsWith('ferry_')))
    .catch(() => ['(unavailable)']);
  return new Error(
    `${error instanceof Error ? error.message : String(error)}\n` +
      `--- inventory-projector metrics ---\n${metrics.join('\n')}\n` +
      `--- inventory-projector output (last 3000 characters) ---\n${projector.output().slice(-3000)}`,
    { cause: error },
  );
}

async function readProjection(
  options: RuntimeRunOptions,
): Promise<{ stored: Map<string, number>; processedEvents: number }> {
  const db = openDatabase({ url: options.databaseUrl, schema: options.schema });
  try {
    return {
      stored: await readStoredVersions(db),
      processedEvents: await countProcessedEvents(db, options.group),
    };
  } finally {
    await db.close();
  }
}

function assertRunning(projector: RunningService): void {
  try {
    process.kill(projector.pid, 0);
  } catch {
    throw new Error(`the projector exited:\n${projector.output().slice(-2000)}`);
  }
}
