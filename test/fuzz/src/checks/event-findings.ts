import type { Endpoint } from '../cases/fuzz-case';
import type { AcceptedEvent } from '../send/answer';
import type { RequestRecord } from '../send/send-plan';
import {
  ANSWERED_ONLY_TOPICS,
  Consumers,
  TopicEndpoints,
  type SystemObservations,
  type TopicRole,
} from './observations';
import type { Finding } from './rules';
import type { ProjectedRows } from './system-state';

interface Accepted {
  readonly endpoint: Endpoint;
  readonly event: AcceptedEvent;
  readonly record: RequestRecord;
}

const caseLabel = ({ caseIndex, generator, target }: RequestRecord): string =>
  `case ${caseIndex} ${generator}${target ? ` at ${target}` : ''}`;

/** Every event some 2xx answer named, once each (retries name the same events again). */
function acceptedEvents(records: readonly RequestRecord[]): Map<string, Accepted> {
  const accepted = new Map<string, Accepted>();
  for (const record of records) {
    const { status, events, eventId } = record.answer;
    if (status === null || status < 200 || status >= 300) continue;
    const named = eventId === undefined ? events : [...events, { eventId, entityId: '' }];
    for (const event of named)
      if (!accepted.has(event.eventId))
        accepted.set(event.eventId, { endpoint: record.endpoint, event, record });
  }
  return accepted;
}

type ProjectionState =
  | { readonly kind: 'projected' }
  | { readonly kind: 'altered'; readonly key: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'older'; readonly version: bigint };

/**
 * Where an accepted event stands in its projection: its row (found by event id) under the key it
 * was accepted with, the same row under another key (the text changed on its way), a newer
 * version of the entity, or nothing.
 */
function projectionState(event: AcceptedEvent, rows: ProjectedRows): ProjectionState {
  const storedKey = rows.entityByEvent.get(event.eventId);
  if (storedKey !== undefined)
    return storedKey === event.entityId
      ? { kind: 'projected' }
      : { kind: 'altered', key: storedKey };
  const stored = rows.versionByEntity.get(event.entityId);
  if (stored !== undefined && stored >= BigInt(event.sourceVersion ?? 0))
    return { kind: 'projected' };
  return stored === undefined ? { kind: 'missing' } : { kind: 'older', version: stored };
}

function describeState(state: ProjectionState): string | undefined {
  switch (state.kind) {
    case 'projected':
      return undefined;
    case 'altered':
      return `stored under another key: ${JSON.stringify(state.key)}`;
    case 'missing':
      return 'missing from the projection';
    case 'older':
      return `the projection holds an older version (${state.version})`;
  }
}

function deadLetterErrors(observations: SystemObservations): Map<string, string> {
  const errors = new Map<string, string>();
  for (const events of Object.values(observations.deadLetters))
    for (const { eventId, error } of events)
      if (eventId !== undefined) errors.set(eventId, error ?? 'dead-lettered');
  return errors;
}

/** Pure: accepted events that were dead-lettered or never reached their projection. */
export function acceptedFindings(
  records: readonly RequestRecord[],
  observations: SystemObservations,
): Finding[] {
  const accepted = acceptedEvents(records);
  const deadLettered = deadLetterErrors(observations);
  const findings: Finding[] = [];
  for (const { endpoint, event, record } of accepted.values()) {
    const consumer = Consumers[endpoint];
    const error = deadLettered.get(event.eventId);
    const problem =
      error !== undefined
        ? `dead-lettered: ${error}`
        : consumer === 'inventory' || consumer === 'shipments'
          ? describeState(projectionState(event, observations.projections[consumer]))
          : undefined;
    if (problem !== undefined)
      findings.push({
        rule: 'accepted-then-processed',
        endpoint,
        detail: `${caseLabel(record)}: event ${event.eventId} (${JSON.stringify(event.entityId)}) ${problem}`,
        sample: record.sample,
      });
  }
  // The ERP topics are also fed by the poll: their dead letters count even without a 2xx.
  for (const role of ['purchaseOrders', 'invoices'] as const)
    for (const { eventId, key, error } of observations.deadLetters[role])
      if (eventId === undefined || !accepted.has(eventId))
        findings.push({
          rule: 'accepted-then-processed',
          endpoint: 'odoo-webhook',
          detail: `event ${eventId ?? '?'} (${key ?? '?'}) dead-lettered: ${error ?? '?'}`,
        });
  return findings;
}

/**
 * The endpoint that sent the entity `key` names: the baselines put the case index in every id
 * (`SKU-<case>-…`, `FZ-<case>-…`); the topic's first endpoint when the id lost it.
 */
function endpointOfKey(
  key: string | undefined,
  endpoints: readonly Endpoint[],
  caseEndpoints: ReadonlyMap<number, Endpoint>,
): Endpoint {
  const caseIndex = /-(\d+)-/.exec(key ?? '')?.[1];
  const endpoint = caseIndex === undefined ? undefined : caseEndpoints.get(Number(caseIndex));
  return endpoint !== undefined && endpoints.includes(endpoint)
    ? endpoint
    : (endpoints[0] ?? 'orders');
}

/** Pure: events published for requests never answered 2xx, and orders published twice. */
export function publicationFindings(
  records: readonly RequestRecord[],
  observations: SystemObservations,
): Finding[] {
  const accepted = acceptedEvents(records);
  const caseEndpoints = new Map(records.map((record) => [record.caseIndex, record.endpoint]));
  const findings: Finding[] = [];
  for (const role of ANSWERED_ONLY_TOPICS) {
    const endpoints = TopicEndpoints[role as TopicRole];
    const seen = new Map<string, number>();
    for (const { eventId, key } of observations.published[role]) {
      const id = eventId ?? '?';
      seen.set(id, (seen.get(id) ?? 0) + 1);
      if (seen.get(id) === 1 && !accepted.has(id))
        findings.push({
          rule: 'published-only-when-accepted',
          endpoint: endpointOfKey(key, endpoints, caseEndpoints),
          detail: `event ${id} (key ${JSON.stringify(key)}) is on the topic; no request was answered 2xx for it`,
        });
    }
    if (role === 'salesOrders')
      for (const [id, count] of seen)
        if (count > 1)
          findings.push({
            rule: 'orders-published-once',
            endpoint: 'orders',
            detail: `order event ${id} published ${count} times`,
          });
  }
  return findings;
}

export function pendingKeyFindings(observations: SystemObservations): Finding[] {
  return observations.pendingKeys.map((key) => ({
    rule: 'no-pending-keys',
    endpoint: 'orders',
    detail: `Idempotency-Key ${JSON.stringify(key)} left pending`,
  }));
}

/**
 * Accepted events of an endpoint with a projection that are neither in it (at their version or
 * newer, under their key or the key UTF-8 made of it) nor dead-lettered: still on their way.
 */
export function unsettledEvents(
  records: readonly RequestRecord[],
  observations: SystemObservations,
): number {
  const deadLettered = deadLetterErrors(observations);
  let unsettled = 0;
  for (const { endpoint, event } of acceptedEvents(records).values()) {
    const consumer = Consumers[endpoint];
    if (consumer !== 'inventory' && consumer !== 'shipments') continue;
    const state = projectionState(event, observations.projections[consumer]).kind;
    if ((state === 'missing' || state === 'older') && !deadLettered.has(event.eventId)) unsettled++;
  }
  return unsettled;
}
