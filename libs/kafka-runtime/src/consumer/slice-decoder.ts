import {
  invariantProblems,
  ownerOf,
  type Entity,
  type EventContract,
  type EventEnvelope,
} from '@ferry/contracts';
import { classifyFailure, FerryError } from '@ferry/failures';
import type { Logger } from '@ferry/observability';
import { DownstreamUnavailable, type DownstreamGate } from '../breaker/downstream-gate';
import { InvalidEventError, SchemaNotFoundError, TombstoneError } from '../errors';
import type { KafkaMessage } from '../external/kafka.interface';
import { historyOf } from '../failures/delivery-history';

import type { FailedRecord, FailureRouter } from '../failures/failure-router';
import { catalogTopicOf } from '../ownership/ownership-guard';
import type { EventCodec } from '../registry/event-codec';
import type { ConsumedEvent } from './consumed-event';
import { EventConsumerDefaults } from './consumer-options';
import { consumerMetrics } from './consumer-metrics';
import type { Delivery } from './delivery';
import { headersToRecord, RetryHeaders } from '../headers';

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
    this.reportUnknownSchemas();
  }

  async decode(
    topic: string,
    partition: number,
    messages: readonly KafkaMessage[],
  ): Promise<{ deliveries: Delivery<T>[]; failed: FailedRecord[] }> {
    const { contract } = this.options;
    const deliveries: Delivery<T>[] = [];
    const failed: FailedRecord[] = [];
    for (const message of messages) {
      const headers = headersToRecord(message.headers);
      const key = message.key?.toString();
      try {
        // Synchronous once the record's schema is known: no promise per event.
        const value = this.checked(
          message,
          key,
          this.decodeKnown(message) ?? (await this.options.codec.decode(message.value, contract)),
        );
        const event: ConsumedEvent<T> = {
          value,
          key: key ?? '',
          topic: headers[RetryHeaders.originalTopic] ?? topic,
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
            history: historyOf(headers, topic, partition, message.offset),
            error,
            kind,
          }),
        );
      }
    }
    return { deliveries, failed };
  }

  /** The record's event when its schema is known already; undefined when the registry must be asked. */
  private decodeKnown(message: KafkaMessage): T | undefined {
    if (message.value === null)
      throw new TombstoneError(
        'A record without a value (tombstone): Ferry topics carry whole states, never deletions',
      );
    return this.options.codec.decodeKnown(message.value, this.options.contract);
  }

  /**
   * The decoded event, once it is known to be one this consumer may apply: from the entity's
   * owner, keyed by its entity id, within its type's invariants.
   */
  private checked(message: KafkaMessage, key: string | undefined, value: T): T {
    const { contract } = this.options;
    const problems = deliveryProblems(value, key ?? null, this.entity, contract.eventType);
    if (problems.length > 0) throw new InvalidEventError(contract.eventType, problems);
    if (this.unknownSchemas.any()) {
      this.unknownSchemas.resolved((message.value as Buffer).readUInt32BE(1));
      this.reportUnknownSchemas();
    }
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
      this.options.unknownSchemaHoldMs ?? EventConsumerDefaults.unknownSchemaHoldMs,
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

/**
 * Pure: why a decoded event must not be applied, one line per problem; empty when it may. A
 * consumer trusts nothing another client could have written to its topic: the event's source must
 * own the entity (the ownership map), the entity id must be the record key (else one entity's
 * events would be spread over partitions and lose their order), and the event type's declared
 * invariants must hold.
 */
export function deliveryProblems(
  event: EventEnvelope,
  key: string | null,
  entity: Entity,
  eventType: string,
): string[] {
  const problems: string[] = [];
  const owner = ownerOf(entity);
  if (event.sourceSystem !== owner)
    problems.push(
      `sourceSystem: ${JSON.stringify(event.sourceSystem)} does not own ${entity} (its owner is ${owner})`,
    );
  if (key === null) problems.push('record key: missing (it must be the entity id)');
  else if (event.entityId !== key)
    problems.push(
      `entityId: ${JSON.stringify(event.entityId)} is not the record key ${JSON.stringify(key)}`,
    );
  const invariants = invariantProblems(eventType, event);
  if (invariants.length > 0) problems.push(...invariants);
  return problems;
}

/** How often a held partition asks the registry again. */
export const UNKNOWN_SCHEMA_RETRY_MS = 5_000;

export type UnknownSchemaDecision =
  | { readonly action: 'hold'; readonly retryAt: number; readonly unknownSinceMs: number }
  | { readonly action: 'dead-letter'; readonly unknownForMs: number };

/**
 * Pure: what to do with a record whose schema id the registry does not know, first met at
 * `firstSeenAt`. Within `holdMs` the partition is held (nothing committed, no attempt used) and
 * the registry asked again; after it, the record goes to the dead-letter topic, so that one
 * producer's mistake does not stop a partition for ever.
 */
export function decideUnknownSchema(
  firstSeenAt: number,
  now: number,
  holdMs: number,
): UnknownSchemaDecision {
  const unknownForMs = now - firstSeenAt;
  if (unknownForMs >= holdMs) return { action: 'dead-letter', unknownForMs };
  return {
    action: 'hold',
    retryAt: Math.min(firstSeenAt + holdMs, now + UNKNOWN_SCHEMA_RETRY_MS),
    unknownSinceMs: unknownForMs,
  };
}

/** When this consumer first met each unknown schema id; forgotten once the id resolves. */
export class UnknownSchemaIds {
  private readonly firstSeen = new Map<number, number>();

  firstSeenAt(schemaId: number, now: number): number {
    const seen = this.firstSeen.get(schemaId);
    if (seen !== undefined) return seen;
    this.firstSeen.set(schemaId, now);
    return now;
  }

  resolved(schemaId: number): void {
    this.firstSeen.delete(schemaId);
  }

  any(): boolean {
    return this.firstSeen.size > 0;
  }

  /** Ids still unknown, for the metric. */
  count(): number {
    return this.firstSeen.size;
  }
}
