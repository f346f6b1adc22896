import type { EventContract, EventEnvelope } from '@ferry/contracts';
import type { Logger } from '@ferry/observability';
import type { Database, Transaction } from '@ferry/persistence';
import type { DownstreamGate } from '../breaker/downstream-gate';
import type { ApplyOutcome, ConsumedEvent } from '../consumer/consumed-event';
import type { FailureRouter } from '../failures/failure-router';
import type { EventCodec } from '../registry/event-codec';
import type { ParkingScope } from './parked-keys';

/** A consumed record: the decoded event and the bytes it came in. */
export interface ParkableDelivery<T> {
  readonly event: ConsumedEvent<T>;
  readonly message: { readonly key: Buffer | null; readonly value: Buffer | null };
}

/** Records event ids and applies the events seen for the first time (the consumer's own step). */
export type ApplyFresh<T> = (
  tx: Transaction,
  events: readonly ConsumedEvent<T>[],
) => Promise<ApplyOutcome>;

/** What parking a consumer's keys, and releasing them, work with: the consumer's own parts. */
export interface ParkingDeps<T extends EventEnvelope> {
  readonly scope: ParkingScope;
  readonly database: Database;
  readonly codec: EventCodec;
  readonly contract: EventContract<T>;
  readonly applyFresh: ApplyFresh<T>;
  readonly router: FailureRouter;
  readonly gate: DownstreamGate;
  readonly logger: Logger;
  readonly maxBatchSize: number;
}
