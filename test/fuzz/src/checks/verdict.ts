import { ENDPOINTS, type Endpoint } from '../cases/fuzz-case';
import type { RequestRecord } from '../send/send-plan';
import { answerFindings } from './answer-findings';
import { acceptedFindings, pendingKeyFindings, publicationFindings } from './event-findings';
import { Consumers, type SystemObservations } from './observations';
import { RULES, type Finding, type RuleName } from './rules';

/** One row of the report. */
export interface EndpointFigures {
  readonly endpoint: Endpoint;
  readonly requests: number;
  readonly success: number;
  /** 4xx answers by status, and by status and error code. */
  readonly refusedByStatus: Readonly<Record<string, number>>;
  readonly refusedByError: Readonly<Record<string, number>>;
  readonly serverErrors: number;
  readonly unanswered: number;
  readonly offContract: number;
  /** `null`: nothing consumes the endpoint's events in the system under test. */
  readonly acceptedThenFailed: number | null;
  readonly publishedUnanswered: number;
}

export interface FuzzVerdict {
  readonly figures: readonly EndpointFigures[];
  readonly broken: Readonly<Record<RuleName, number>>;
  readonly findings: readonly Finding[];
  readonly passed: boolean;
}

const bump = (counts: Record<string, number>, key: string): void => {
  counts[key] = (counts[key] ?? 0) + 1;
};

function figuresOf(
  endpoint: Endpoint,
  records: readonly RequestRecord[],
  findings: readonly Finding[],
): EndpointFigures {
  const mine = records.filter((record) => record.endpoint === endpoint);
  const count = (rule: RuleName) =>
    findings.filter((finding) => finding.endpoint === endpoint && finding.rule === rule).length;
  const refusedByStatus: Record<string, number> = {};
  const refusedByError: Record<string, number> = {};
  for (const { answer } of mine)
    if (answer.status !== null && answer.status >= 400 && answer.status < 500) {
      bump(refusedByStatus, String(answer.status));
      bump(refusedByError, `${answer.status} ${answer.error ?? '(none)'}`);
    }
  const status = (test: (code: number) => boolean) =>
    mine.filter(({ answer }) => answer.status !== null && test(answer.status)).length;
  return {
    endpoint,
    requests: mine.length,
    success: status((code) => code >= 200 && code < 300),
    refusedByStatus,
    refusedByError,
    serverErrors: status((code) => code >= 500),
    unanswered: mine.filter(({ answer }) => answer.status === null).length,
    offContract: count('documented-refusals'),
    acceptedThenFailed: Consumers[endpoint] === 'none' ? null : count('accepted-then-processed'),
    publishedUnanswered: count('published-only-when-accepted'),
  };
}

/** Pure: the figures of a run and the rules it broke. */
export function judge(
  records: readonly RequestRecord[],
  observations: SystemObservations,
): FuzzVerdict {
  const findings = [
    ...answerFindings(records),
    ...acceptedFindings(records, observations),
    ...publicationFindings(records, observations),
    ...pendingKeyFindings(observations),
  ];
  const broken = Object.fromEntries(
    Object.keys(RULES).map((rule) => [rule, findings.filter((f) => f.rule === rule).length]),
  ) as Record<RuleName, number>;
  return {
    figures: ENDPOINTS.map((endpoint) => figuresOf(endpoint, records, findings)),
    broken,
    findings,
    passed: findings.length === 0,
  };
}
