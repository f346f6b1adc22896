import { FerryHeaders } from '@ferry/contracts';
import { withLogFields, type Logger } from '@ferry/observability';
import type { IHeaders } from '../external/kafka.interface';
import type { EventProducer } from '../producer/event-producer';
import { consumerMetrics } from '../consumer/consumer-metrics';
import type { FailureKind } from '@ferry/failures';
import {
  deadLetterHeaders,
  originalHeaders,
  retryHeaders,
  type DeliveryHistory,
} from './failure-headers';
import { resolveFailureDestination, type FailureDestination, type RetryPolicy } from './routing';

export interface FailedRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly history: DeliveryHistory;
  readonly error: unknown;
  readonly kind: Exclude<FailureKind, 'unavailable'>;
}

/**
 * Moves failed records on: to the next retry topic or to the dead-letter topic, with the original
 * key, value bytes and headers plus the runtime's failure headers. Resolves once Kafka has
 * acknowledged them, so the caller may then commit the offsets of the failed records.
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

  async route(records: readonly FailedRecord[]): Promise<FailureDestination[]> {
    const now = this.options.clock();
    const routed = records.map((record) => {
      const destination = resolveFailureDestination(
        {
          originalTopic: record.history.originalTopic,
          attemptsMade: record.history.attemptsMade,
          kind: record.kind,
        },
        this.options.retry,
        now,
      );
      const context = {
        ...record,
        consumerGroup: this.options.consumerGroup,
        eventType: this.options.eventType,
        now,
      };
      const added =
        destination.to === 'retry'
          ? retryHeaders(context, destination.attempt, destination.dueAt)
          : deadLetterHeaders(context);
      const headers: IHeaders = { ...originalHeaders(record.headers), ...added };
      return { record, destination, message: { key: record.key, value: record.value, headers } };
    });
    if (routed.length === 0) return [];
    await this.producer.send(
      routed.map(({ destination, message }) => ({ topic: destination.topic, messages: [message] })),
    );
    // Each line names its event (`event_id`), as every line of a consumer's work on one does.
    for (const { record, destination } of routed)
      withLogFields({ event_id: record.headers[FerryHeaders.eventId] }, () => {
        this.report(record, destination);
      });
    return routed.map(({ destination }) => destination);
  }

  private report(record: FailedRecord, destination: FailureDestination): void {
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
