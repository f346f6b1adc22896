import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BenchOptions } from './cli-options';
import type { ApplyRate, Figure } from './figures';
import type { CpuPerEvent } from './probes/cpu-account';
import type { ProfileShare } from './probes/cpu-profile';
import type { PublishRun } from './kafka/bench-topic';
import type { PerfToolRun } from './runs/kafka-perf-tools';
import type { SourceRevision } from './probes/source-revision';

/** Everything one run measured, as printed and as saved to `bench-results/`. */
export interface BenchResult {
  readonly benchmark: 'inventory-apply';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly revision: SourceRevision;
  readonly parameters: BenchOptions & {
    readonly topicPartitions: number;
    readonly distinctKeys: number;
  };
  readonly machine: {
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryMb: number;
    readonly node: string;
    readonly platform: string;
    /** 1-minute load average before and after: other sessions share the machine. */
    readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
  };
  /** Ferry's publisher writing the workload (this process). */
  readonly publisher: PublishRun;
  /** Kafka's own tools against the same broker, in the same run. */
  readonly reference: {
    readonly producerPerformance: PerfToolRun;
    readonly consumerPerformance: PerfToolRun;
  };
  readonly runtime: ApplyRate & {
    readonly wallSeconds: number;
    readonly cpuSeconds: number;
    readonly peakRssBytes: number;
    readonly cpuPerEvent: CpuPerEvent;
    /** Self time by package or Ferry file, with `--profile 1`. */
    readonly profile?: readonly ProfileShare[];
    /** Group joins over the run: more than 1 means the group rebalanced under load. */
    readonly groupJoins: number;
    readonly outcomes: Readonly<Record<string, number>>;
    readonly env: Readonly<Record<string, string>>;
  };
  readonly bareSql: BareSqlFigures;
  readonly bareSqlWithDedup: BareSqlFigures;
  readonly naive: ApplyRate & { readonly sampleOf: number; readonly partitionsAtOnce: 1 };
  readonly figures: readonly Figure[];
}

export type BareSqlFigures = ApplyRate & {
  readonly transactions: number;
  readonly postgresCpuUsPerEvent: number | null;
};

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const resultsDir = join(repoRoot, 'bench-results');

/** Writes `bench-results/<timestamp>-<mode>.json` and returns its path. */
export function saveBenchResult(mode: string, startedAt: string, result: object): string {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${startedAt.replace(/[:.]/g, '-')}-${mode}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
