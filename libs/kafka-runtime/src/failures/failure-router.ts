import { FerryHeaders } from '@ferry/contracts';
import type { FailureKind } from '@ferry/failures';
import { withLogFields, type Logger } from '@ferry/observability';
import { consumerMetrics } from '../consumer/consumer-metrics';
import { deadLetterHeaders } from '../dead-letter/dead-letter-message';
import type { IHeaders } from '../external/kafka.interface';
import type { EventProducer } from '../producer/event-producer';
import {
  resolveFailureDestination,
  retryHeaders,
  type FailureDestination,
  type RetryPolicy,
} from '../retry/retry-schedule';
import { originalHeaders, type DeliveryHistory } from './delivery-history';

/** A record whose event failed, with where it goes next, decided once when the failure is met. */
export interface FailedRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly history: DeliveryHistory;
  readonly error: unknown;
  readonly kind: Exclude<FailureKind, 'unavailable'>;
  readonly destination: FailureDestination;
}

export interface Failure {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly history: DeliveryHistory;
  readonly error: unknown;
  readonly kind: FailureKind;
}

/**
 * The failed record of `failure` at `now`: its destination (retry tier or dead-letter topic) by
 * the group's schedule. An event that failed alone because its downstream was unavailable has
 * already held its partition as long as the breaker wanted: it counts as transient from here.
 */
function failedRecordOf(failure: Failure, schedule: RetryPolicy, now: number): FailedRecord {
  const kind = failure.kind === 'unavailable' ? 'transient' : failure.kind;
  const destination = resolveFailureDestination(
    {
      originalTopic: failure.history.originalTopic,
      attemptsMade: failure.history.attemptsMade,
      kind,
    },
    schedule,
    now,
  );
  return { ...failure, kind, destination };
}

/**
 * Moves failed records on to the destination each was given: the next retry topic or the
 * dead-letter topic, with the original key, value bytes and headers plus the runtime's failure
 * headers. Resolves once Kafka has acknowledged them, so the caller may then commit the offsets
 * of the failed records.
 */
export class FailureRouter {
  constructor(
    private readonly producer: EventProducer,
    private readonly options: {
      readonly consumerGroup: string;
      readonly eventType: string;
      readonly retry: RetryPolicy;
      readonly clock: () => number;
      readonly logger: Logger;
    },
  ) {}

  /** The failure as a record with its destination, by this group's schedule, decided now. */
  failedRecord(failure: Failure): FailedRecord {
    return failedRecordOf(failure, this.options.retry, this.options.clock());
  }

  async route(records: readonly FailedRecord[]): Promise<void> {
    if (records.length === 0) return;
    const now = this.options.clock();
    const messages = records.map((record) => {
      const context = {
        ...record,
        consumerGroup: this.options.consumerGroup,
        eventType: this.options.eventType,
        schedule: this.options.retry,
        now,
      };
      const { destination } = record;
      const added =
        destination.to === 'retry'
          ? retryHeaders(context, destination.attempt, destination.dueAt)
          : deadLetterHeaders(context);
      const headers: IHeaders = { ...originalHeaders(record.headers), ...added };
      return {
        topic: destination.topic,
        messages: [{ key: record.key, value: record.value, headers }],
      };
    });
    await this.producer.send(messages);
    // Each line names its event (`event_id`), as every line of a consumer's work on one does.
    for (const record of records)
      withLogFields({ event_id: record.headers[FerryHeaders.eventId] }, () => {
        this.report(record);
      });
  }

  private report(record: FailedRecord): void {
    const { destination } = record;
    const labels = { group: this.options.consumerGroup, topic: record.history.originalTopic };
    const error = record.error instanceof Error ? record.error : new Error(String(record.error));
    const fields = {
      ...labels,
      kind: record.kind,
      attemptsMade: record.history.attemptsMade,
      originalPartition: record.history.originalPartition,
      originalOffset: record.history.originalOffset,
      destination: destination.topic,
      error,
    };
    if (destination.to === 'retry') {
      consumerMetrics.events.inc({ ...labels, outcome: 'retried' });
      this.options.logger.warn(`event scheduled for retry ${destination.attempt}`, fields);
    } else {
      consumerMetrics.events.inc({ ...labels, outcome: 'dead_lettered' });
      consumerMetrics.deadLettered.inc({ ...labels, error: error.name });
      this.options.logger.error(
        `event sent to the dead-letter topic (${destination.reason})`,
        fields,
      );
    }
  }
}
