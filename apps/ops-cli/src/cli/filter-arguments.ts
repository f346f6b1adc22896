import { deadLetterFilterProblems, type DeadLetterFilter } from '@ferry/kafka-runtime';
import { UsageError } from './ops-errors';

/** Command-line options that select dead-lettered records (see USAGE). */
export const FILTER_OPTIONS = {
  offset: { type: 'string' },
  group: { type: 'string' },
  'original-topic': { type: 'string' },
  'error-class': { type: 'string' },
  'error-kind': { type: 'string' },
  fingerprint: { type: 'string' },
  key: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
} as const;

export type FilterValues = { readonly [K in keyof typeof FILTER_OPTIONS]?: string };

export function deadLetterFilter(values: FilterValues): DeadLetterFilter {
  const filter: DeadLetterFilter = {
    consumerGroup: values.group,
    originalTopic: values['original-topic'],
    errorClass: values['error-class'],
    errorKind: values['error-kind'],
    fingerprint: values.fingerprint,
    key: values.key,
    failedFrom: instant(values.since, '--since'),
    failedBefore: instant(values.until, '--until'),
    position: position(values.offset),
  };
  const problems = deadLetterFilterProblems(filter);
  if (problems.length > 0) throw new UsageError(`Invalid filter: ${problems.join('; ')}`);
  return filter;
}

function instant(raw: string | undefined, flag: string): number | undefined {
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms))
    throw new UsageError(
      `${flag} must be an ISO-8601 time such as 2024-05-01T10:00:00Z, not "${raw}"`,
    );
  return ms;
}

function position(raw: string | undefined): DeadLetterFilter['position'] {
  if (raw === undefined) return undefined;
  const match = /^(\d+):(\d+)$/.exec(raw.trim());
  if (!match?.[1] || !match[2])
    throw new UsageError(`--offset must be <partition>:<offset> such as 0:42, not "${raw}"`);
  return { partition: Number(match[1]), offset: match[2] };
}
