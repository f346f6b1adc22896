/** How fast one contender applied its events, timed from its first event to its last. */
export interface ApplyRate {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

export function applyRate(events: number, elapsedMs: number): ApplyRate {
  if (!(elapsedMs > 0)) throw new RangeError(`Elapsed time must be positive, got ${elapsedMs}`);
  return { events, seconds: elapsedMs / 1000, eventsPerSecond: (events * 1000) / elapsedMs };
}

export interface Measurements {
  readonly runtime: ApplyRate;
  readonly bareSqlWithDedup: ApplyRate;
  readonly naive: ApplyRate;
  readonly runtimePeakRssBytes: number;
  readonly publisher: { readonly eventsPerSecond: number };
  readonly producerPerformance: { readonly recordsPerSecond: number };
  /** CPU per event of the projector's main thread; null where it could not be read. */
  readonly mainThreadCpuUs: number | null;
  /** CPU per event of the Postgres backends serving the projector; null for a remote Postgres. */
  readonly postgresCpuUs: number | null;
}

/**
 * The targets for this 2-core machine. Against bare SQL with the dedup insert: the same SQL work
 * the runtime does, so the ratio is what Kafka, decoding and the runtime's own code cost.
 */
export const TARGETS = {
  runtimeEventsPerSecond: 40_000,
  runtimeOverBareSqlWithDedup: 0.85,
  runtimeOverNaive: 20,
  runtimePeakRssMb: 200,
  mainThreadCpuUsPerEvent: 12,
  postgresCpuUsPerEvent: 15,
  publisherOverProducerPerformance: 0.6,
} as const;

export type Verdict = 'PASS' | 'MISS';

export interface Figure {
  readonly name: keyof typeof TARGETS;
  readonly value: number;
  readonly target: number;
  /** Whether the target is a floor (`>=`) or a ceiling (`<=`). */
  readonly bound: '>=' | '<=';
  readonly verdict: Verdict;
}

const MB = 1024 * 1024;

/**
 * Compares the measurements with the targets; a miss is reported, never thrown. A figure that
 * could not be measured here (Postgres on another machine) is left out, not passed.
 */
export function judge(measured: Measurements): Figure[] {
  const runtime = measured.runtime.eventsPerSecond;
  const figures: Figure[] = [
    figure('runtimeEventsPerSecond', runtime, '>='),
    figure(
      'runtimeOverBareSqlWithDedup',
      runtime / measured.bareSqlWithDedup.eventsPerSecond,
      '>=',
    ),
    figure('runtimeOverNaive', runtime / measured.naive.eventsPerSecond, '>='),
    figure('runtimePeakRssMb', measured.runtimePeakRssBytes / MB, '<='),
    figure(
      'publisherOverProducerPerformance',
      measured.publisher.eventsPerSecond / measured.producerPerformance.recordsPerSecond,
      '>=',
    ),
  ];
  if (measured.mainThreadCpuUs !== null)
    figures.push(figure('mainThreadCpuUsPerEvent', measured.mainThreadCpuUs, '<='));
  if (measured.postgresCpuUs !== null)
    figures.push(figure('postgresCpuUsPerEvent', measured.postgresCpuUs, '<='));
  return figures;
}

function figure(name: keyof typeof TARGETS, value: number, bound: '>=' | '<='): Figure {
  const target = TARGETS[name];
  const met = bound === '>=' ? value >= target : value <= target;
  return { name, value, target, bound, verdict: met ? 'PASS' : 'MISS' };
}
