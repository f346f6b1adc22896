/** An event a 2xx answer names: what the checks look for in topics, DLQs and projections. */
export interface AcceptedEvent {
  readonly eventId: string;
  readonly entityId: string;
  readonly sourceVersion?: number;
}

/** What came back for one request. */
export interface Answer {
  /** `null`: no HTTP answer at all (connection reset, timeout). */
  readonly status: number | null;
  /** The JSON answer's `error`, when it has one. */
  readonly error?: string;
  readonly events: readonly AcceptedEvent[];
  /** Orders: the `eventId` of a 202 (replays and orders placed under another key too). */
  readonly eventId?: string;
  readonly replayed: boolean;
  readonly transportError?: string;
  readonly ms: number;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function acceptedEvent(value: unknown): AcceptedEvent[] {
  const item = record(value);
  if (typeof item?.['eventId'] !== 'string' || typeof item['entityId'] !== 'string') return [];
  const version = item['sourceVersion'];
  return [
    {
      eventId: item['eventId'],
      entityId: item['entityId'],
      ...(typeof version === 'number' ? { sourceVersion: version } : {}),
    },
  ];
}

/** Pure: reads a service's JSON answer (anything unreadable is kept as no events, no error). */
export function readAnswer(status: number, text: string, replayed: boolean, ms: number): Answer {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const body = record(json);
  const events = Array.isArray(body?.['events']) ? body['events'].flatMap(acceptedEvent) : [];
  return {
    status,
    ...(typeof body?.['error'] === 'string' ? { error: body['error'] } : {}),
    events,
    ...(typeof body?.['eventId'] === 'string' ? { eventId: body['eventId'] } : {}),
    replayed,
    ms,
  };
}
