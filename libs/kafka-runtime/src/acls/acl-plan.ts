import { FerryError } from '@ferry/failures';
import {
  DefaultRetryDelaysMs,
  OperatorPrincipal,
  Topics,
  deadLetterTopicOf,
  publicationsNotOwned,
  retryTopicOf,
  type ServiceKafkaAccess,
} from '@ferry/contracts';
import { DEAD_LETTER_READER_GROUP_PREFIX } from '../dead-letter/scan-partitions';
import { TIMESTAMP_READER_GROUP_PREFIX } from '../lag/record-timestamps';

/** Every catalog topic (main, retry tiers, dead letters) and every service's group start so. */
const FERRY_PREFIX = 'ferry.';

export type AclResourceType = 'TOPIC' | 'GROUP';
export type AclPattern = 'LITERAL' | 'PREFIXED';
export type AclOperation = 'READ' | 'WRITE' | 'DESCRIBE' | 'DELETE';

/** One ALLOW rule for one principal, from any host. Nothing Ferry derives is a DENY. */
export interface AclRule {
  readonly principal: string;
  readonly resourceType: AclResourceType;
  readonly resourceName: string;
  readonly pattern: AclPattern;
  readonly operation: AclOperation;
}

export class AclPlanError extends FerryError {
  constructor(readonly problems: readonly string[]) {
    super(
      `The Kafka access declarations break the ownership map:\n  ${problems.join('\n  ')}`,
      'permanent',
    );
  }
}

/**
 * The ACLs that let each service do exactly what it declares, derived from the declarations and
 * the topic catalog:
 * - a publisher writes (and describes) the main topic of each entity its system owns, and may
 *   see that its retry and dead-letter topics exist;
 * - a consumer reads its topic with its own group, and reads and writes the topic's retry tiers
 *   and dead-letter topic (where its failures go and come back from);
 * - the operators' principal reads the dead-letter topics with throw-away reader groups and
 *   writes replays into the first retry tier; it writes no main topic;
 * - a service that observes groups (the lag exporter) describes every Ferry group and topic and
 *   reads every Ferry topic (the record at a committed offset, for its timestamp) with
 *   throw-away reader groups; it writes nothing and commits for no service's group.
 * A declaration that publishes an entity its system does not own is refused, not derived.
 */
export function deriveAcls(
  access: readonly ServiceKafkaAccess[],
  retryDelaysMs: readonly number[] = DefaultRetryDelaysMs,
): AclRule[] {
  const problems = publicationsNotOwned(access);
  if (problems.length > 0) throw new AclPlanError(problems);
  const rules: AclRule[] = [];
  for (const service of access) {
    const user = `User:${service.principal}`;
    for (const key of service.publishes) {
      const name = Topics[key].name;
      rules.push(...topicRules(user, name, 'LITERAL', ['WRITE', 'DESCRIBE']));
      // A publisher checks at start that the topic's retry and dead-letter topics exist.
      rules.push(...topicRules(user, `${name}.`, 'PREFIXED', ['DESCRIBE']));
    }
    for (const { topic, group } of service.consumes) {
      const name = Topics[topic].name;
      rules.push(...topicRules(user, name, 'LITERAL', ['READ', 'DESCRIBE']));
      rules.push(...topicRules(user, `${name}.`, 'PREFIXED', ['READ', 'WRITE', 'DESCRIBE']));
      rules.push(rule(user, 'GROUP', group, 'LITERAL', 'READ'));
    }
    if (service.observesGroups === true) rules.push(...observerRules(user));
  }
  const operator = `User:${OperatorPrincipal}`;
  const consumed = new Set(access.flatMap((service) => service.consumes.map((c) => c.topic)));
  for (const key of consumed) {
    const name = Topics[key].name;
    rules.push(...topicRules(operator, deadLetterTopicOf(name), 'LITERAL', ['READ', 'DESCRIBE']));
    const firstDelay = retryDelaysMs[0];
    if (firstDelay !== undefined)
      rules.push(
        ...topicRules(operator, retryTopicOf(name, firstDelay), 'LITERAL', ['WRITE', 'DESCRIBE']),
      );
  }
  rules.push(rule(operator, 'GROUP', DEAD_LETTER_READER_GROUP_PREFIX, 'PREFIXED', 'READ'));
  rules.push(rule(operator, 'GROUP', DEAD_LETTER_READER_GROUP_PREFIX, 'PREFIXED', 'DELETE'));
  return sortRules(dedupe(rules));
}

function observerRules(user: string): AclRule[] {
  return [
    ...topicRules(user, FERRY_PREFIX, 'PREFIXED', ['READ', 'DESCRIBE']),
    rule(user, 'GROUP', FERRY_PREFIX, 'PREFIXED', 'DESCRIBE'),
    rule(user, 'GROUP', TIMESTAMP_READER_GROUP_PREFIX, 'PREFIXED', 'READ'),
    rule(user, 'GROUP', TIMESTAMP_READER_GROUP_PREFIX, 'PREFIXED', 'DELETE'),
    // The dead letters not yet replayed are read as `dlq list` reads them.
    rule(user, 'GROUP', DEAD_LETTER_READER_GROUP_PREFIX, 'PREFIXED', 'READ'),
    rule(user, 'GROUP', DEAD_LETTER_READER_GROUP_PREFIX, 'PREFIXED', 'DELETE'),
  ];
}

function topicRules(
  principal: string,
  name: string,
  pattern: AclPattern,
  operations: readonly AclOperation[],
): AclRule[] {
  return operations.map((operation) => rule(principal, 'TOPIC', name, pattern, operation));
}

function rule(
  principal: string,
  resourceType: AclResourceType,
  resourceName: string,
  pattern: AclPattern,
  operation: AclOperation,
): AclRule {
  return { principal, resourceType, resourceName, pattern, operation };
}

export function ruleKey(rule: AclRule): string {
  return [rule.principal, rule.operation, rule.resourceType, rule.resourceName, rule.pattern].join(
    ' ',
  );
}

/** One line per rule, as `acls plan` prints it. */
export function describeRule(rule: AclRule): string {
  const pattern = rule.pattern === 'PREFIXED' ? ' (prefix)' : '';
  return `ALLOW ${rule.principal} ${rule.operation} ${rule.resourceType} ${rule.resourceName}${pattern}`;
}

function dedupe(rules: readonly AclRule[]): AclRule[] {
  const byKey = new Map(rules.map((item) => [ruleKey(item), item]));
  return [...byKey.values()];
}

function sortRules(rules: AclRule[]): AclRule[] {
  return rules.sort((a, b) => ruleKey(a).localeCompare(ruleKey(b)));
}

/** What applying `wanted` over `current` (the Ferry principals' ACLs now) creates and deletes. */
export interface AclChange {
  readonly create: readonly AclRule[];
  readonly remove: readonly AclRule[];
  readonly unchanged: number;
}

export function planAclChange(wanted: readonly AclRule[], current: readonly AclRule[]): AclChange {
  const currentKeys = new Set(current.map(ruleKey));
  const wantedKeys = new Set(wanted.map(ruleKey));
  return {
    create: wanted.filter((item) => !currentKeys.has(ruleKey(item))),
    remove: current.filter((item) => !wantedKeys.has(ruleKey(item))),
    unchanged: wanted.filter((item) => currentKeys.has(ruleKey(item))).length,
  };
}
