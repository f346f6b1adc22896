import type { HealthTransition } from '../health/health-timeline';

/**
 * What one fault case measured, for the table printed at the end of the run and its JSON file.
 * Written whether the case passed or not: the figures of a failing case are the evidence.
 */
export interface FaultCaseRecord {
  /** Short name, e.g. `postgres frozen 60 s`. */
  readonly name: string;
  /** The test file that ran it. */
  readonly file: string;
  readonly startedAt: string;
  /** Events the source acknowledged (the oracle's size). */
  readonly events: number;
  /** Acknowledged events whose effect is missing. */
  readonly lost: number;
  /** Events whose effect was applied more than once. */
  readonly doubled: number;
  /** From the fault's end (or the crash) to every partition applying again; undefined: never. */
  readonly recoverMs: number | undefined;
  /** What `recoverMs` measures in this case. */
  readonly recoverFrom: string;
  readonly health: readonly HealthTransition[];
  readonly healthSummary: string;
  /** Further figures of the case (exit codes, dead-lettered events, circuit openings). */
  readonly figures: Readonly<Record<string, number | string | boolean | null>>;
  /** Every expectation the case broke; empty when it passed. */
  readonly failures: readonly string[];
}

/** The table's columns, in order. */
export const FAULT_TABLE_COLUMNS = [
  'case',
  'result',
  'events',
  'lost',
  'doubled',
  'recover',
  'health',
] as const;

/** One table row: the cells of `FAULT_TABLE_COLUMNS` as text. */
export function faultTableRow(record: FaultCaseRecord): string[] {
  const result = record.failures.length === 0 ? 'pass' : `FAIL (${String(record.failures.length)})`;
  const recover =
    record.recoverMs === undefined ? 'never' : `${(record.recoverMs / 1000).toFixed(1)} s`;
  return [
    record.name,
    result,
    String(record.events),
    String(record.lost),
    String(record.doubled),
    recover,
    record.healthSummary,
  ];
}
