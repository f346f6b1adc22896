import {
  deadLetterKeyText,
  type DeadLetterReplaySummary,
  type ReplayTarget,
} from '@ferry/kafka-runtime';

const TARGET_WORDS: Readonly<Record<ReplayTarget, string>> = {
  'original-topic': 'to the original topic',
  'retry-now': 'to the failed consumer (first retry topic, due now)',
};

export function replayLines(
  dlqTopic: string,
  target: ReplayTarget,
  operator: string,
  summary: DeadLetterReplaySummary,
): string[] {
  const head = summary.dryRun
    ? `dry run ${summary.replayId} by ${operator}: ${summary.matched} record(s) of ${dlqTopic} would be replayed ${TARGET_WORDS[target]}; nothing was published`
    : `replay ${summary.replayId} by ${operator}: replayed ${summary.replayed} of ${summary.matched} record(s) of ${dlqTopic} ${TARGET_WORDS[target]}`;
  return [
    head,
    ...summary.items.map(
      ({ record, destination }) =>
        `${record.dlqPartition}:${record.dlqOffset}  -> ${destination}  key=${deadLetterKeyText(record) ?? '-'}  group=${record.context.consumerGroup ?? '-'}`,
    ),
  ];
}

export function replayJson(
  target: ReplayTarget,
  operator: string,
  summary: DeadLetterReplaySummary,
) {
  return {
    replayId: summary.replayId,
    operator,
    target,
    dryRun: summary.dryRun,
    matched: summary.matched,
    replayed: summary.replayed,
    records: summary.items.map(({ record, destination }) => ({
      partition: record.dlqPartition,
      offset: record.dlqOffset,
      key: deadLetterKeyText(record) ?? null,
      consumerGroup: record.context.consumerGroup ?? null,
      destination,
    })),
  };
}
