import {
  deadLetterKeyText,
  unframe,
  type DeadLetterListing,
  type DeadLetterRecord,
} from '@ferry/kafka-runtime';

const MISSING = '-';

/** One record on one line: where it is in the DLQ, then why and where it failed. */
export function recordLine(record: DeadLetterRecord): string {
  const { context } = record;
  const from =
    context.originalTopic === undefined
      ? MISSING
      : `${context.originalTopic}@${shown(context.originalPartition)}:${shown(context.originalOffset)}`;
  const error = `${shown(context.errorClass)}/${shown(context.errorKind)}`;
  return [
    `${record.dlqPartition}:${record.dlqOffset}`,
    iso(context.failedAt),
    `group=${shown(context.consumerGroup)}`,
    `from=${from}`,
    `error=${error}`,
    `attempts=${shown(context.attempts)}`,
    `key=${shown(deadLetterKeyText(record))}`,
    `event=${shown(context.eventId)}`,
    `value=${valueSummary(record.value)}`,
    `fingerprint=${shown(context.fingerprint)}`,
    JSON.stringify(context.errorMessage ?? ''),
  ].join('  ');
}

export function listingLines(dlqTopic: string, listing: DeadLetterListing): string[] {
  const shownCount =
    listing.records.length < listing.matched ? `, showing the first ${listing.records.length}` : '';
  return [
    `${dlqTopic}: ${listing.matched} of ${listing.scanned} records match${shownCount}`,
    ...listing.records.map(recordLine),
  ];
}

/** A record for `--json`: key and headers as text, the value as base64. */
export function recordJson(record: DeadLetterRecord) {
  const { context } = record;
  return {
    partition: record.dlqPartition,
    offset: record.dlqOffset,
    timestamp: new Date(record.timestamp).toISOString(),
    key: deadLetterKeyText(record) ?? null,
    value: record.value?.toString('base64') ?? null,
    headers: Object.fromEntries(
      Object.entries(record.headers).map(([name, values]) => [
        name,
        values.map((value) => value.toString('utf8')),
      ]),
    ),
    context: {
      ...context,
      firstFailureAt: isoOrNull(context.firstFailureAt),
      failedAt: isoOrNull(context.failedAt),
    },
  };
}

export function listingJson(dlqTopic: string, listing: DeadLetterListing) {
  return {
    topic: dlqTopic,
    scanned: listing.scanned,
    matched: listing.matched,
    records: listing.records.map(recordJson),
  };
}

/** The schema id when the value is in the wire format: tells UnknownSchemaError cases apart. */
function valueSummary(value: Buffer | null): string {
  if (value === null) return 'null';
  try {
    return `schema#${unframe(value).schemaId}(${value.length}B)`;
  } catch {
    return `raw(${value.length}B)`;
  }
}

function shown(value: string | number | undefined): string {
  return value === undefined ? MISSING : String(value);
}

function iso(ms: number | undefined): string {
  return ms === undefined ? MISSING : new Date(ms).toISOString();
}

function isoOrNull(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}
