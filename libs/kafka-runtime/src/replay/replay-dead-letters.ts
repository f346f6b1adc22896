import { randomUUID } from 'node:crypto';
import {
  finishDeadLetterReplay,
  recordDeadLetterReplay,
  recordDeadLetterReplayProgress,
  type Database,
} from '@ferry/persistence';
import { createKafka } from '../connection';
import type { Kafka } from '../external/kafka.interface';
import { systemClock, tokenBucketProblems, type Clock } from '@ferry/time';
import { deadLetterFilterToJson, type DeadLetterFilter } from '../dead-letter/dead-letter-filter';
import { ReplayRejectedError } from '../dead-letter/errors';
import { readDeadLetters, type DeadLetterDeps } from '../dead-letter/list-dead-letters';
import type { ReplayTarget } from './replay-headers';
import { planReplay, type ReplayItem } from './replay-plan';
import { publishReplay } from './replay-publisher';

export interface DeadLetterReplayDeps extends DeadLetterDeps {
  /** Holds the replay audit (`ferry_dead_letter_replays`, persistence migration 002). */
  readonly database: Database;
  readonly clock?: Clock;
}

export interface ReplayDeadLettersOptions {
  readonly dlqTopic: string;
  /** Which records; `{ position }` for exactly one. An empty filter replays the whole topic. */
  readonly filter: DeadLetterFilter;
  readonly target: ReplayTarget;
  /** Most records published per second. */
  readonly ratePerSecond: number;
  /** Publishes nothing; the audit still records what would have been replayed. */
  readonly dryRun: boolean;
  /** Why; required unless `dryRun`. */
  readonly reason?: string;
}

export interface DeadLetterReplaySummary {
  readonly replayId: string;
  readonly matched: number;
  readonly replayed: number;
  readonly dryRun: boolean;
  /** Every matching record and where it went (or would go, in a dry run), in replay order. */
  readonly items: readonly ReplayItem[];
}

/**
 * Re-delivers the dead-lettered records matching a filter, paced to `ratePerSecond`, with their
 * original key, value bytes and headers plus the replay's id and time. The audit row is written
 * before the first record is published and finished after the last, so a replay that stopped
 * midway leaves a row with its progress and no finish time. Records stay in the DLQ.
 */
export async function replayDeadLetters(
  deps: DeadLetterReplayDeps,
  options: ReplayDeadLettersOptions,
): Promise<DeadLetterReplaySummary> {
  const clock = deps.clock ?? systemClock;
  const requestedAt = clock.now();
  const reason = options.reason?.trim() === '' ? undefined : options.reason?.trim();
  rejectInvalid(options, reason);
  const kafka = createKafka(deps.connection, deps.logger);

  const listing = await readDeadLetters(kafka, deps.logger, {
    dlqTopic: options.dlqTopic,
    filter: options.filter,
  });
  const plan = planReplay(listing.records, options.target);
  if (plan.problems.length > 0)
    throw new ReplayRejectedError('Some matching records cannot be replayed', plan.problems);
  if (!options.dryRun) await requireTopics(kafka, plan.items);

  const replayId = randomUUID();
  await recordDeadLetterReplay(deps.database, {
    replayId,
    reason,
    requestedAt: new Date(requestedAt),
    dlqTopic: options.dlqTopic,
    filter: deadLetterFilterToJson(options.filter),
    target: options.target,
    dryRun: options.dryRun,
    matched: plan.items.length,
  });
  const { replayed, failure } = options.dryRun
    ? { replayed: 0, failure: undefined }
    : await publishReplay(kafka, clock, {
        replayId,
        target: options.target,
        items: plan.items,
        ratePerSecond: options.ratePerSecond,
      });
  if (failure !== undefined) {
    await recordDeadLetterReplayProgress(deps.database, replayId, replayed);
    throw failure;
  }
  await finishDeadLetterReplay(deps.database, replayId, replayed, new Date(clock.now()));
  deps.logger.info('dead-letter replay finished', {
    replayId,
    dlqTopic: options.dlqTopic,
    target: options.target,
    dryRun: options.dryRun,
    matched: plan.items.length,
    replayed,
  });
  return {
    replayId,
    matched: plan.items.length,
    replayed,
    dryRun: options.dryRun,
    items: plan.items,
  };
}

function rejectInvalid(options: ReplayDeadLettersOptions, reason: string | undefined): void {
  const problems = tokenBucketProblems({ ratePerSecond: options.ratePerSecond, burst: 1 });
  if (reason === undefined && !options.dryRun) problems.push('a replay needs a reason');
  if (problems.length > 0) throw new ReplayRejectedError('Replay refused', problems);
}

/** Publishing to a missing topic would create it with broker defaults, or fail halfway. */
async function requireTopics(kafka: Kafka, items: readonly ReplayItem[]): Promise<void> {
  const wanted = [...new Set(items.map((item) => item.destination))];
  if (wanted.length === 0) return;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = wanted.filter((topic) => !existing.has(topic));
    if (missing.length > 0)
      throw new ReplayRejectedError(
        'Destination topics do not exist',
        missing.map((topic) => `${topic} is missing`),
      );
  } finally {
    await admin.disconnect();
  }
}
