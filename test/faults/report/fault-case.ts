import { basename } from 'node:path';
import { summarizeHealth, transitionsOf, type HealthSample } from '../health/health-timeline';
import type { FaultCaseRecord } from './fault-record';
import { recordFaultCase } from './fault-results';

/** What a case measured once it ended (or gave up). */
export interface Measurement {
  readonly events: number;
  readonly lost: number;
  readonly doubled: number;
  readonly recoverMs: number | undefined;
  /** Broken expectations found by measuring (lost events, a final state that differs). */
  readonly failures: readonly string[];
  readonly figures?: Readonly<Record<string, Figure>>;
}

type Figure = number | string | boolean | null;

/**
 * One fault case: collects the expectations it breaks instead of stopping at the first, so that
 * the record (and the table) has every figure of a failing case too; fails the test at the end
 * with all of them.
 */
export class FaultCase {
  private readonly failures: string[] = [];
  private readonly figures: Record<string, Figure> = {};
  private readonly startedAt = new Date();
  /** When the fault began (epoch ms): health transitions are timed from here. */
  faultAt = Date.now();
  /** The moment recovery is timed from, and what it is. */
  private recoverFrom: { at: number; what: string } | undefined;

  constructor(
    readonly name: string,
    private readonly file: string,
  ) {}

  /** Records a broken expectation unless `holds`. */
  expect(holds: boolean, failure: string): void {
    if (!holds) this.failures.push(failure);
  }

  figure(name: string, value: Figure): void {
    this.figures[name] = value;
  }

  faultBegins(): void {
    this.faultAt = Date.now();
  }

  /** Recovery is timed from now: the fault's end, or the crash. */
  recoveryFrom(what: string, at = Date.now()): number {
    this.recoverFrom = { at, what };
    return at;
  }

  /**
   * Runs the scenario, then measures (also when the scenario gave up) and lets `judge` check the
   * figures, writes the record and the processes' output, and throws with every broken
   * expectation.
   */
  async run(
    subject: FaultSubject,
    scenario: () => Promise<void>,
    judge: (measured: Measurement) => void | Promise<void> = () => undefined,
  ): Promise<void> {
    try {
      await scenario();
    } catch (error: unknown) {
      this.failures.push(`gave up: ${messageOf(error)}`);
    }
    let measured: Measurement = {
      events: 0,
      lost: 0,
      doubled: 0,
      recoverMs: undefined,
      failures: [],
    };
    try {
      measured = await subject.measure(this.recoverFrom?.at ?? this.faultAt);
      await judge(measured);
    } catch (error: unknown) {
      this.failures.push(`could not measure: ${messageOf(error)}`);
    }
    const transitions = transitionsOf(subject.healthSamples(), this.faultAt);
    const record: FaultCaseRecord = {
      name: this.name,
      file: basename(this.file),
      startedAt: this.startedAt.toISOString(),
      events: measured.events,
      lost: measured.lost,
      doubled: measured.doubled,
      recoverMs: measured.recoverMs,
      recoverFrom: this.recoverFrom?.what ?? 'the fault began',
      health: transitions,
      healthSummary: summarizeHealth(transitions),
      figures: { ...measured.figures, ...this.figures },
      failures: [...measured.failures, ...this.failures],
    };
    recordFaultCase(record, subject.processOutputs());
    if (record.failures.length > 0)
      throw new Error(`${this.name}:\n  ${record.failures.join('\n  ')}`);
  }
}

/** What a case runs against: the processes it measures, watches and keeps the output of. */
export interface FaultSubject {
  /** Figures of the case, with `from` the moment recovery is timed from. */
  measure(from: number): Promise<Measurement>;
  healthSamples(): readonly HealthSample[];
  /** Everything each process wrote, by process name. */
  processOutputs(): Readonly<Record<string, string>>;
}

/** The case's bound on recovery: every affected partition applying again within `boundMs`. */
export function expectRecoveryWithin(
  fault: FaultCase,
  measured: Measurement,
  boundMs: number,
  after: string,
): void {
  const took = measured.recoverMs === undefined ? 'never' : `${measured.recoverMs} ms`;
  fault.expect(
    measured.recoverMs !== undefined && measured.recoverMs < boundMs,
    `every partition applying again within ${boundMs / 1000} s of ${after} (took ${took})`,
  );
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
