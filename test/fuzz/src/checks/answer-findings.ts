import { DocumentedRefusals, isDocumentedSuccess } from '../cases/documented-answers';
import type { RequestRecord } from '../send/send-plan';
import type { Finding } from './rules';

const label = (record: RequestRecord): string =>
  `case ${record.caseIndex} ${record.step} ${record.generator}${record.target ? ` at ${record.target}` : ''}`;

/** Why an answer is not the documented one, or undefined when it is. */
function offContract(record: RequestRecord, firstEventId: string | undefined): string | undefined {
  const { status, error } = record.answer;
  if (status === null || status >= 500) return undefined;
  const expected = record.expected;
  if (expected && (status !== expected.status || (expected.error && error !== expected.error)))
    return `answered ${status} ${error ?? ''}, documented ${expected.status} ${expected.error ?? ''}`;
  if (status >= 400 && !(error && DocumentedRefusals[record.endpoint].includes(error)))
    return `answered ${status} ${error ?? '(no error code)'}: not a documented refusal`;
  if (status < 400 && !isDocumentedSuccess(record.endpoint, status))
    return `answered ${status}: not a documented success`;
  if (expected?.status === 202 && record.answer.eventId !== firstEventId)
    return `answered another order (${record.answer.eventId ?? '?'}) than the first request (${firstEventId ?? '?'})`;
  return undefined;
}

/** Pure: the 5xx, the unanswered requests and the answers off contract. */
export function answerFindings(records: readonly RequestRecord[]): Finding[] {
  const firstEventIds = new Map<number, string | undefined>();
  for (const record of records)
    if (record.step === 'first') firstEventIds.set(record.caseIndex, record.answer.eventId);
  return records.flatMap((record): Finding[] => {
    const { status, error, transportError } = record.answer;
    if (status === null || status >= 500)
      return [
        {
          rule: 'no-5xx',
          endpoint: record.endpoint,
          detail: `${label(record)}: ${status === null ? `no answer (${transportError ?? '?'})` : `${status} ${error ?? ''}`}`,
          sample: record.sample,
        },
      ];
    const why = offContract(record, firstEventIds.get(record.caseIndex));
    return why === undefined
      ? []
      : [
          {
            rule: 'documented-refusals',
            endpoint: record.endpoint,
            detail: `${label(record)}: ${why}`,
            sample: record.sample,
          },
        ];
  });
}
