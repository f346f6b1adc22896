import type { BenchResult } from './bench-result';
import type { Figure } from './figures';
import type { PerfToolRun } from './runs/kafka-perf-tools';

const n = (value: number): string => Math.round(value).toLocaleString('en-US');
const s = (seconds: number): string => `${seconds.toFixed(1)} s`;

const FIGURE_LABELS: Record<Figure['name'], string> = {
  runtimeEventsPerSecond: 'runtime events/s',
  runtimeOverBareSqlWithDedup: 'runtime / (SQL + dedup)',
  runtimeOverNaive: 'runtime / naive',
  runtimePeakRssMb: 'runtime peak RSS (VmHWM)',
  mainThreadCpuUsPerEvent: 'main thread CPU/event',
  postgresCpuUsPerEvent: 'Postgres CPU/event',
  publisherOverProducerPerformance: 'publisher / ProducerPerf',
};

const us = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(1)} µs`);

function formatValue(figure: Pick<Figure, 'name'>, value: number): string {
  switch (figure.name) {
    case 'runtimeEventsPerSecond':
      return n(value);
    case 'runtimeOverBareSqlWithDedup':
    case 'publisherOverProducerPerformance':
      return `${(value * 100).toFixed(0)} %`;
    case 'runtimeOverNaive':
      return `${Number(value.toFixed(1))}×`;
    case 'runtimePeakRssMb':
      return `${value.toFixed(0)} MB`;
    case 'mainThreadCpuUsPerEvent':
    case 'postgresCpuUsPerEvent':
      return us(value);
  }
}

/** The lines `npm run bench` prints: parameters, each contender's rate, figures against targets. */
export function formatReport(result: BenchResult): string[] {
  const { parameters: p, machine: m, runtime, naive } = result;
  const cpu = runtime.cpuPerEvent;
  const tool = (run: PerfToolRun) => ({ events: run.records, seconds: run.seconds });
  const contender = (name: string, rate: { events: number; seconds: number }, perSecond: number) =>
    `  ${name.padEnd(44)}${n(rate.events).padStart(9)}${s(rate.seconds).padStart(9)}${n(perSecond).padStart(11)}`;
  return [
    'Ferry apply benchmark: InventoryLevelSet, Kafka → dedup → version-guarded upsert',
    `  ${n(p.events)} events over ${n(p.distinctKeys)} SKU@location keys (seed ${p.seed}), topic of ${p.topicPartitions} partitions`,
    `  batches of ≤ ${n(p.maxBatchSize)} events, ${p.partitionsConcurrently} partitions at once; ` +
      `${m.cpus} CPUs, Node ${m.node}; load average ${m.loadAverage.atStart.toFixed(1)} at start, ` +
      `${m.loadAverage.atEnd.toFixed(1)} at end (machine shared: expect noise)`,
    `  code ${result.revision.commit.slice(0, 12)}` +
      (result.revision.uncommittedFiles > 0
        ? ` with ${result.revision.uncommittedFiles} uncommitted files`
        : '') +
      (p.projectorHeapMb > 0 ? `; projector heap capped at ${p.projectorHeapMb} MB` : ''),
    '',
    `  ${'contender'.padEnd(44)}${'events'.padStart(9)}${'time'.padStart(9)}${'events/s'.padStart(11)}`,
    contender('runtime (inventory-projector process)', runtime, runtime.eventsPerSecond),
    contender(
      'bare SQL (projector upsert, no Kafka)',
      result.bareSql,
      result.bareSql.eventsPerSecond,
    ),
    contender(
      'bare SQL + dedup insert (reference only)',
      result.bareSqlWithDedup,
      result.bareSqlWithDedup.eventsPerSecond,
    ),
    contender(`naive eachMessage (sample of ${n(naive.sampleOf)})`, naive, naive.eventsPerSecond),
    contender(
      "Kafka's ConsumerPerformance (reads the topic)",
      tool(result.reference.consumerPerformance),
      result.reference.consumerPerformance.recordsPerSecond,
    ),
    contender(
      "Ferry's publisher (writes the workload)",
      { events: p.events, seconds: result.publisher.seconds },
      result.publisher.eventsPerSecond,
    ),
    contender(
      `Kafka's ProducerPerformance (${result.publisher.meanValueBytes} B, acks=all)`,
      tool(result.reference.producerPerformance),
      result.reference.producerPerformance.recordsPerSecond,
    ),
    '',
    `  ${'figure'.padEnd(28)}${'measured'.padStart(10)}${'target'.padStart(14)}  verdict`,
    ...result.figures.map(
      (f) =>
        `  ${FIGURE_LABELS[f.name].padEnd(28)}${formatValue(f, f.value).padStart(10)}` +
        `${`${f.bound === '>=' ? '≥' : '≤'} ${formatValue(f, f.target)}`.padStart(14)}  ${f.verdict}`,
    ),
    '',
    `  runtime: timed from its first handled batch to its last event (process start and group ` +
      `join left out: ${s(runtime.wallSeconds)} in all); ` +
      `${(runtime.cpuSeconds / runtime.seconds).toFixed(2)} cores busy on average; ` +
      `outcomes ${JSON.stringify(runtime.outcomes)}; joined its group ${runtime.groupJoins} time(s) ` +
      (runtime.groupJoins > 1 ? '(it rebalanced under load)' : '(no rebalance under load)'),
    `  runtime / bare SQL without the dedup insert: ` +
      `${((runtime.eventsPerSecond / result.bareSql.eventsPerSecond) * 100).toFixed(0)} %`,
    `  CPU per event (a rate moves with the machine's load, CPU per event much less): ` +
      `projector ${us(cpu.processUs)}, its main thread ${us(cpu.mainThreadUs)}, ` +
      `its Postgres backends ${us(cpu.postgresUs)}, broker ${us(cpu.brokerUs)}; ` +
      `Postgres backends under bare SQL ${us(result.bareSql.postgresCpuUsPerEvent)}, ` +
      `with the dedup insert ${us(result.bareSqlWithDedup.postgresCpuUsPerEvent)}`,
    `  CPU per record of Kafka's tools (a JVM each, its start included): ProducerPerformance ` +
      `${us(result.reference.producerPerformance.cpuUsPerRecord)}, ConsumerPerformance ` +
      `${us(result.reference.consumerPerformance.cpuUsPerRecord)}; Ferry's publisher ` +
      `${us(result.publisher.cpuUsPerEvent)} per event (the bench process)`,
    `  main thread waiting for a CPU (runnable, in the run queue): ` +
      (cpu.mainThreadRunQueueShare === null
        ? 'n/a'
        : `${(cpu.mainThreadRunQueueShare * 100).toFixed(0)} % of the time`),
    ...(runtime.profile
      ? [
          `  projector CPU profile, self time as shares of its busy time (whole process life):`,
          ...runtime.profile.map(
            (entry) => `    ${(entry.share * 100).toFixed(1).padStart(5)} %  ${entry.where}`,
          ),
        ]
      : []),
    `  naive: one transaction and one offset commit per event, one partition at a time, timed over ` +
      `a sample of ${n(naive.sampleOf)} events (its rate does not grow with the total)`,
  ];
}
