import type { Compatibility } from '../catalog/topics';
import { ExitCodes, type ExitCode } from './exit-codes';
import { versionRange } from './version-range';

/** The verdict on one topic's value subject. */
export interface TopicReport {
  /** The real subject (`<topic>-value`), never a scratch one. */
  readonly subject: string;
  readonly compatibility: Compatibility;
  /** The versions checked; empty when the files are invalid. */
  readonly versions: readonly number[];
  /** Any problem makes the topic fail. */
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

export interface SchemaCheckReport {
  readonly topics: readonly TopicReport[];
  /** Things that went wrong without affecting the verdict (a scratch subject left behind). */
  readonly warnings: readonly string[];
}

/** One line per topic (`ok  ferry.inventory.levels-value  v1..v2  FULL_TRANSITIVE`), details indented. */
export function formatReport(report: SchemaCheckReport): string[] {
  return report.topics.flatMap((topic) => [
    [
      topic.problems.length === 0 ? 'ok' : 'FAIL',
      topic.subject,
      versionRange(topic.versions),
      topic.compatibility,
    ].join('  '),
    ...topic.problems.map((problem) => `    ${problem}`),
    ...topic.notes.map((note) => `    note: ${note}`),
  ]);
}

export function exitCodeOf(report: SchemaCheckReport): ExitCode {
  return report.topics.every((topic) => topic.problems.length === 0)
    ? ExitCodes.ok
    : ExitCodes.incompatible;
}
