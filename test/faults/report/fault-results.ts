import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ferryHome } from '@ferry/local-infra';
import { FAULT_TABLE_COLUMNS, faultTableRow, type FaultCaseRecord } from './fault-record';

/**
 * In the Ferry home (git-ignored, and left alone by Prettier); test/faults/fault-table-reporter.js
 * empties it when a run starts and prints the table from it when the run ends (cases run in
 * several Jest workers, so they meet on disk). `logs/<case>/` keeps each process's output.
 */
export const FAULT_RESULTS_DIR = join(ferryHome(), 'fault-suite');
export const FAULT_CASES_DIR = join(FAULT_RESULTS_DIR, 'cases');

/** Writes one case's record, with its table row, and its processes' output, for the reporter. */
export function recordFaultCase(
  record: FaultCaseRecord,
  outputs: Readonly<Record<string, string>>,
): void {
  const name = `${record.startedAt.replace(/[:.]/g, '')}-${record.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  mkdirSync(FAULT_CASES_DIR, { recursive: true });
  writeFileSync(
    join(FAULT_CASES_DIR, `${name}.json`),
    `${JSON.stringify({ columns: FAULT_TABLE_COLUMNS, row: faultTableRow(record), record }, null, 2)}\n`,
  );
  const logs = join(FAULT_RESULTS_DIR, 'logs', name);
  mkdirSync(logs, { recursive: true });
  for (const [process, output] of Object.entries(outputs))
    writeFileSync(join(logs, `${process}.log`), output);
}
