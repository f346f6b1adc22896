import { FerryHeaders } from '@ferry/contracts';
import type { ProcessSpan } from '@ferry/observability';
import type { ConsumedEvent } from './consumed-event';

/**
 * The process span of a slice applied in one transaction: its topic (the main topic, also for a
 * slice read from a retry tier), partition and group, and each event's producer context (its
 * `traceparent` header, kept as it was through retry and dead-letter topics) to link to.
 */
export function processSpanOf<T extends { readonly eventId: string }>(
  consumerGroup: string,
  deliveries: readonly { readonly event: ConsumedEvent<T> }[],
): ProcessSpan {
  const first = deliveries[0]?.event;
  return {
    topic: first?.topic ?? '',
    partition: first?.partition ?? -1,
    consumerGroup,
    traceparents: deliveries.map(({ event }) => event.headers[FerryHeaders.traceparent]),
    eventIds: deliveries.map(({ event }) => event.value.eventId),
  };
}
