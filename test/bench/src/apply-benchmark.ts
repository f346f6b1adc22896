import { cpus, loadavg, totalmem } from 'node:os';
import { Topics, type InventoryLevelSet } from '@ferry/contracts';
import { uniqueName } from '@ferry/test-support';
import { join } from 'node:path';
import { repoRoot, resultsDir, type BenchResult } from './bench-result';
import type { BenchOptions } from './cli-options';
import { judge } from './figures';
import { kafkaClientClasspath } from '@ferry/local-infra';
import { createPlainTopic, publishWorkload, type PublishRun } from './kafka/bench-topic';
import {
  runConsumerPerformance,
  runProducerPerformance,
  type PerfToolRun,
} from './runs/kafka-perf-tools';
import { keyPartitioner } from './kafka/partitioning';
import { localBrokerPids } from './probes/broker-pids';
import { readSourceRevision } from './probes/source-revision';
import { runBareSql, type BareSqlResult } from './runs/bare-sql';
import { runNaiveConsumer, type NaiveConsumerResult } from './runs/naive-consumer';
import { runRuntimeProjector, type RuntimeRunResult } from './runs/runtime-projector';
import { Scratch, type BenchEndpoints } from './scratch';
import { assertProjection } from './verify-projection';
import { newestVersions, planWorkload } from './workload';

type Say = (line: string) => void;

const PARTITIONS = Topics.inventoryLevels.partitions;

interface Run {
  readonly options: BenchOptions;
  readonly endpoints: BenchEndpoints;
  readonly scratch: Scratch;
  readonly topic: string;
  readonly events: readonly InventoryLevelSet[];
  readonly expected: ReadonlyMap<string, number>;
  readonly brokerPids: readonly number[];
  readonly startedAt: string;
  readonly say: Say;
}

/**
 * One run: publish the workload once, then let each contender apply it in its own consumer group
 * and database schema, and check each end state. Topics and schemas are removed afterwards.
 */
export async function runApplyBenchmark(
  options: BenchOptions,
  endpoints: BenchEndpoints,
  say: Say,
): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const loadAtStart = loadavg()[0] ?? 0;
  const revision = readSourceRevision(repoRoot);
  return Scratch.use(endpoints, say, async (scratch) => {
    const events = planWorkload({ ...options, endsAtMs: Date.now() });
    const run: Run = {
      options,
      endpoints,
      scratch,
      topic: scratch.topic('bench_inventory'),
      events,
      expected: newestVersions(events),
      brokerPids: await localBrokerPids(),
      startedAt,
      say,
    };
    say(
      `· publishing ${events.length.toLocaleString('en-US')} events to ${run.topic} (Ferry's publisher)`,
    );
    const publisher = await publishWorkload(endpoints, run.topic, events);
    const classpath = await kafkaClientClasspath();
    const producerPerformance = await measureProducerPerformance(run, classpath, publisher);
    const runtime = await measureRuntime(run);
    const consumerPerformance = await measureConsumerPerformance(run, classpath);
    const bare = await measureBareSql(run, false);
    const bareWithDedup = await measureBareSql(run, true);
    const naive = await measureNaive(run);
    return {
      benchmark: 'inventory-apply',
      startedAt,
      finishedAt: new Date().toISOString(),
      revision,
      parameters: { ...options, topicPartitions: PARTITIONS, distinctKeys: run.expected.size },
      machine: machineInfo(loadAtStart),
      publisher,
      reference: { producerPerformance, consumerPerformance },
      runtime: {
        ...runtime.rate,
        wallSeconds: runtime.wallSeconds,
        cpuSeconds: runtime.cpuSeconds,
        peakRssBytes: runtime.peakRssBytes,
        cpuPerEvent: runtime.cpuPerEvent,
        ...(runtime.profile && { profile: runtime.profile }),
        groupJoins: runtime.groupJoins,
        outcomes: runtime.outcomes,
        env: runtime.env,
      },
      bareSql: {
        ...bare.rate,
        transactions: bare.transactions,
        postgresCpuUsPerEvent: bare.postgresCpuUsPerEvent,
      },
      bareSqlWithDedup: {
        ...bareWithDedup.rate,
        transactions: bareWithDedup.transactions,
        postgresCpuUsPerEvent: bareWithDedup.postgresCpuUsPerEvent,
      },
      naive: { ...naive.rate, sampleOf: options.naiveEvents, partitionsAtOnce: 1 },
      figures: judge({
        runtime: runtime.rate,
        bareSqlWithDedup: bareWithDedup.rate,
        naive: naive.rate,
        runtimePeakRssBytes: runtime.peakRssBytes,
        publisher,
        producerPerformance,
        mainThreadCpuUs: runtime.cpuPerEvent.mainThreadUs,
        postgresCpuUs: runtime.cpuPerEvent.postgresUs,
      }),
    };
  });
}

async function measureRuntime(run: Run): Promise<RuntimeRunResult> {
  run.say('· runtime: the inventory-projector process reads the topic');
  const result = await runRuntimeProjector({
    ...run.endpoints,
    schema: run.scratch.schema('bench_runtime'),
    topic: run.topic,
    group: uniqueName('bench_projector'),
    events: run.events.length,
    maxBatchSize: run.options.maxBatchSize,
    partitionsConcurrently: run.options.partitionsConcurrently,
    heapMb: run.options.projectorHeapMb,
    semiSpaceMb: run.options.projectorSemiSpaceMb,
    brokerPids: run.brokerPids,
    profileDir:
      run.options.profile === 1
        ? join(resultsDir, `${run.startedAt.replace(/[:.]/g, '-')}-profile`)
        : undefined,
    // Generous (1,000 events/s): a stalled projector fails the run instead of hanging it.
    timeoutMs: 60_000 + run.events.length,
  });
  assertProjection('runtime', run.expected, result.stored, {
    found: result.processedEvents,
    expected: run.events.length,
  });
  return result;
}

/** Kafka's own producer on a topic of its own: records of the size Ferry's publisher wrote. */
async function measureProducerPerformance(
  run: Run,
  classpath: string,
  publisher: PublishRun,
): Promise<PerfToolRun> {
  const topic = run.scratch.topic('bench_producer_perf');
  run.say(
    `· Kafka's ProducerPerformance: ${run.events.length} records of ${publisher.meanValueBytes} bytes, acks=all`,
  );
  await createPlainTopic(run.endpoints.kafkaBrokers, topic, PARTITIONS);
  return runProducerPerformance({
    ...perfToolOptions(run, classpath, topic),
    recordSize: publisher.meanValueBytes,
  });
}

/** Kafka's own consumer reading the runtime's topic: the client-and-broker ceiling of a read. */
async function measureConsumerPerformance(run: Run, classpath: string): Promise<PerfToolRun> {
  run.say(`· Kafka's ConsumerPerformance: reads the ${run.events.length} records of ${run.topic}`);
  return runConsumerPerformance(perfToolOptions(run, classpath, run.topic));
}

function perfToolOptions(run: Run, classpath: string, topic: string) {
  return {
    classpath,
    brokers: run.endpoints.kafkaBrokers,
    topic,
    records: run.events.length,
    javaHome: process.env['JAVA_HOME'],
    timeoutMs: 120_000 + run.events.length,
  };
}

async function measureBareSql(run: Run, withDedup: boolean): Promise<BareSqlResult> {
  const name = withDedup ? 'bare SQL + dedup insert' : 'bare SQL';
  run.say(`· ${name}: the projector's statement on the same batches, no Kafka`);
  const partitionOf = keyPartitioner(PARTITIONS);
  const result = await runBareSql(run.events, {
    databaseUrl: run.endpoints.databaseUrl,
    schema: run.scratch.schema(withDedup ? 'bench_sql_dedup' : 'bench_sql'),
    partitions: PARTITIONS,
    partitionOf: (event) => partitionOf(event.entityId),
    batchSize: run.options.maxBatchSize,
    concurrency: run.options.partitionsConcurrently,
    withDedup,
  });
  assertProjection(name, run.expected, result.stored, {
    found: result.processedEvents,
    expected: withDedup ? run.events.length : 0,
  });
  return result;
}

async function measureNaive(run: Run): Promise<NaiveConsumerResult> {
  const sample = run.options.naiveEvents;
  run.say(`· naive: kafkajs eachMessage, one transaction per event, ${sample} events`);
  const result = await runNaiveConsumer({
    ...run.endpoints,
    schema: run.scratch.schema('bench_naive'),
    topic: run.topic,
    group: uniqueName('bench_naive'),
    sample,
    // Generous (20 events/s), for the same reason as the runtime's.
    timeoutMs: 60_000 + sample * 50,
  });
  assertProjection('naive', newestVersions(result.handled), result.stored, {
    found: result.processedEvents,
    expected: result.handled.length,
  });
  return result;
}

function machineInfo(loadAtStart: number): BenchResult['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryMb: Math.round(totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg()[0] ?? 0 },
  };
}
