import { createHash } from 'node:crypto';
import { DeadLetterHeaders } from '../headers';
import { describeError, type FailureContext } from '../failures/delivery-history';
import { formatRetrySchedule } from '../retry/retry-schedule';

/**
 * Groups failures that are the same problem: error class, the message with its numbers and ids
 * blanked out, and the event type.
 */
export function failureFingerprint(error: unknown, eventType: string): string {
  const { errorClass, message } = describeError(error);
  const shape = message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, '<id>').replace(/\d+/g, '#');
  return createHash('sha256')
    .update(`${errorClass}\u001f${shape}\u001f${eventType}`)
    .digest('hex')
    .slice(0, 16);
}

/**
 * The headers a dead-letter record carries besides the original ones: where the event first
 * arrived, which group failed how often, when, with what error (class, message, kind,
 * fingerprint), and the group's retry schedule. Everything an operator or a replay needs.
 */
export function deadLetterHeaders(context: FailureContext): Record<string, string> {
  const { errorClass, message } = describeError(context.error);
  return {
    [DeadLetterHeaders.originalTopic]: context.history.originalTopic,
    [DeadLetterHeaders.originalPartition]: String(context.history.originalPartition),
    [DeadLetterHeaders.originalOffset]: context.history.originalOffset,
    [DeadLetterHeaders.consumerGroup]: context.consumerGroup,
    [DeadLetterHeaders.attempts]: String(context.history.attemptsMade),
    [DeadLetterHeaders.firstFailureAt]: new Date(
      context.history.firstFailureAt ?? context.now,
    ).toISOString(),
    [DeadLetterHeaders.failedAt]: new Date(context.now).toISOString(),
    [DeadLetterHeaders.errorClass]: errorClass,
    [DeadLetterHeaders.errorMessage]: message,
    [DeadLetterHeaders.errorKind]:
      context.kind === 'programmer' || context.kind === 'permanent' ? context.kind : 'transient',
    [DeadLetterHeaders.fingerprint]: failureFingerprint(context.error, context.eventType),
    [DeadLetterHeaders.retrySchedule]: formatRetrySchedule(context.schedule),
  };
}
