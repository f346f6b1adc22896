import type { Entity, EventContract, EventEnvelope } from '@ferry/contracts';
import { classifyFailure, FerryError } from '@ferry/failures';
import type { Logger } from '@ferry/observability';
import { DownstreamUnavailable, type DownstreamGate } from '../breaker/downstream-gate';
import { InvalidEventError, SchemaNotFoundError, TombstoneError } from '../errors';
import type { KafkaMessage } from '../external/kafka.interface';
import { historyOf } from '../failures/delivery-history';
import type { FailedRecord } from '../failures/failed-record';
import type { FailureRouter } from '../failures/failure-router';
import { catalogTopicOf } from '../ownership/ownership-guard';
import type { EventCodec } from '../registry/event-codec';
import type { ConsumedEvent } from './consumed-event';
import { consumerMetrics } from './consumer-metrics';
import { deliveryProblems } from './delivery-checks';
import type { Delivery } from './delivery';
import { headersToRecord } from './headers';
import {
  decideUnknownSchema,
  DEFAULT_UNKNOWN_SCHEMA_HOLD_MS,
  UnknownSchemaIds,
} from './unknown-schema-hold';

export interface SliceDecoderOptions<T extends EventEnvelope> {
  readonly groupId: string;
  readonly topic: string;
  readonly contract: EventContract<T>;
  readonly codec: EventCodec;
  readonly gate: DownstreamGate;
  readonly router: FailureRouter;
  readonly unknownSchemaHoldMs: number | undefined;
  readonly now: () => number;
  readonly logger: Logger;
}

/**
 * Turns a slice's records into the events this consumer may apply, and the records that can never
 * be one (undecodable, a tombstone, not the owner's, breaking an invariant) into failed records.
 * Throws DownstreamUnavailable when the registry is away or a schema id is still held, so that the
 * partition holds instead of dead-lettering what could be read a little later.
 */
export class SliceDecoder<T extends EventEnvelope> {
  private readonly entity: Entity;
  private readonly unknownSchemas = new UnknownSchemaIds();

  constructor(private readonly options: SliceDecoderOptions<T>) {
    this.entity = catalogTopicOf(options.contract.eventType).entity;
  }

  async decode(
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
  ): Promise<{ deliveries: Delivery<T>[]; failed: FailedRecord[] }> {
    const deliveries: Delivery<T>[] = [];
    const failed: FailedRecord[] = [];
    for (const message of messages) {
      const headers = headersToRecord(message.headers);
      const history = historyOf(headers, topic, partition, message.offset);
      try {
        const value = await this.decodeChecked(message);
        const event: ConsumedEvent<T> = {
          value,
          key: message.key?.toString() ?? '',
          topic: history.originalTopic,
          partition,
          offset: message.offset,
          timestamp: Number(message.timestamp),
          headers,
        };
        deliveries.push({ event, message });
      } catch (error: unknown) {
        if (error instanceof SchemaNotFoundError) this.holdOnUnknownSchema(error);
        const kind = classifyFailure(error);
        if (kind === 'unavailable')
          throw new DownstreamUnavailable(this.options.gate.recordFailure(), error);
        if (!(error instanceof FerryError) && kind === 'transient') throw error;
        failed.push(
          this.options.router.failedRecord({
            key: message.key,
            value: message.value,
            headers,
            history,
            error,
            kind,
          }),
        );
      }
    }
    return { deliveries, failed };
  }

  /**
   * The message's event, once it is known to be one this consumer may apply: not a tombstone,
   * decodable, from the entity's owner, keyed by its entity id, within its type's invariants.
   */
  private async decodeChecked(message: KafkaMessage): Promise<T> {
    const { contract, codec } = this.options;
    if (message.value === null)
      throw new TombstoneError(
        'A record without a value (tombstone): Ferry topics carry whole states, never deletions',
      );
    const value = await codec.decode(message.value, contract);
    const problems = deliveryProblems(
      value,
      message.key?.toString() ?? null,
      this.entity,
      contract.eventType,
    );
    if (problems.length > 0) throw new InvalidEventError(contract.eventType, problems);
    if (this.unknownSchemas.any()) this.unknownSchemas.resolved(message.value.readUInt32BE(1));
    this.reportUnknownSchemas();
    return value;
  }

  /**
   * A schema id the registry does not know holds the partition (throws DownstreamUnavailable)
   * until it has stayed unknown for the hold time; then its record is dead-lettered like any
   * other permanent failure.
   */
  private holdOnUnknownSchema(error: SchemaNotFoundError): void {
    const now = this.options.now();
    const firstSeenAt = this.unknownSchemas.firstSeenAt(error.schemaId, now);
    this.reportUnknownSchemas();
    const decision = decideUnknownSchema(
      firstSeenAt,
      now,
      this.options.unknownSchemaHoldMs ?? DEFAULT_UNKNOWN_SCHEMA_HOLD_MS,
    );
    if (decision.action === 'hold')
      throw new DownstreamUnavailable(decision.retryAt, error, 'schema registry');
    this.options.logger.error('schema id still unknown after the hold time; dead-lettering', {
      group: this.options.groupId,
      schemaId: error.schemaId,
      unknownForMs: decision.unknownForMs,
    });
  }

  private reportUnknownSchemas(): void {
    consumerMetrics.unknownSchemas.set(
      { group: this.options.groupId, topic: this.options.topic },
      this.unknownSchemas.count(),
    );
  }
}
