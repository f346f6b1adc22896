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
  readonly bareSql: ApplyRate;
  readonly naive: ApplyRate;
  readonly runtimePeakRssBytes: number;
}

/** The targets for this 2-core machine. */
export const TARGETS = {
  runtimeEventsPerSecond: 25_000,
  runtimeOverBareSql: 0.7,
  runtimeOverNaive: 20,
  runtimePeakRssMb: 200,
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

/** Compares the measurements with the targets; a miss is reported, never thrown. */
export function judge(measured: Measurements): Figure[] {
  const runtime = measured.runtime.eventsPerSecond;
  return [
    figure('runtimeEventsPerSecond', runtime, '>='),
    figure('runtimeOverBareSql', runtime / measured.bareSql.eventsPerSecond, '>='),
    figure('runtimeOverNaive', runtime / measured.naive.eventsPerSecond, '>='),
    figure('runtimePeakRssMb', measured.runtimePeakRssBytes / MB, '<='),
  ];
}

function figure(name: keyof typeof TARGETS, value: number, bound: '>=' | '<='): Figure {
  const target = TARGETS[name];
  const met = bound === '>=' ? value >= target : value <= target;
  return { name, value, target, bound, verdict: met ? 'PASS' : 'MISS' };
}
