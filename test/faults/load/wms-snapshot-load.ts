import type { InventoryLevelSet } from '@ferry/contracts';
import { localAuthorization } from '@ferry/test-support';
import { EffectsOracle } from '../../failure/effects-oracle';
import { InventoryLevelStream } from '../../failure/inventory-stream';

/** How the WMS adapter answered the posts of a load. */
export interface PostTally {
  /** 202: every snapshot of the post is in the oracle. */
  acknowledged: number;
  /** Another status: the snapshots may or may not have been published. */
  refused: number;
  /** No answer (connection refused, reset, timeout): likewise unknown. */
  unanswered: number;
  /** Posts by answer: an HTTP status, or why there was none. */
  readonly answers: Record<string, number>;
}

const POST_TIMEOUT_MS = 15_000;
/** Pause after a post that was not acknowledged, so that an outage is not hammered. */
const AFTER_FAILURE_MS = 250;

/**
 * Sends inventory snapshots to the WMS adapter as the WMS does (`POST /v1/inventory-levels`),
 * `skuCount` SKUs in round robin with rising versions, and keeps the oracle: every snapshot of a
 * post answered 202 is acknowledged. A snapshot of a post answered otherwise, or not at all, may
 * still have been published; it is kept apart, so that a final state holding it is not taken for
 * a wrong one.
 */
export class WmsSnapshotLoad {
  readonly oracle = new EffectsOracle();
  readonly tally: PostTally = { acknowledged: 0, refused: 0, unanswered: 0, answers: {} };
  private readonly unconfirmed = new Map<string, InventoryLevelSet>();
  private readonly acknowledgedAt = new Map<string, number>();
  private readonly stream: InventoryLevelStream;
  private stopped = false;

  constructor(
    private readonly adapterUrl: () => string,
    skuPrefix: string,
    skuCount: number,
    location?: string,
  ) {
    this.stream = new InventoryLevelStream(skuPrefix, skuCount, location);
  }

  /** When the adapter acknowledged an event (epoch ms), for the forensics of a lost one. */
  acknowledgementOf(eventId: string): number | undefined {
    return this.acknowledgedAt.get(eventId);
  }

  /** The first acknowledgement at or after `from` (epoch ms); undefined: none since. */
  firstAcknowledgementFrom(from: number): number | undefined {
    let first: number | undefined;
    for (const at of this.acknowledgedAt.values())
      if (at >= from && (first === undefined || at < first)) first = at;
    return first;
  }

  /** Snapshots sent without an acknowledgement, by event id. */
  unacknowledged(): ReadonlyMap<string, InventoryLevelSet> {
    return this.unconfirmed;
  }

  /** Posts `count` snapshots, `perPost` at a time, one post after another. */
  async send(count: number, perPost = 250): Promise<void> {
    for (let sent = 0; sent < count; sent += perPost) {
      await this.post(this.stream.next(Math.min(perPost, count - sent)));
    }
  }

  /**
   * Keeps posting `perPost` snapshots whenever fewer than `maxBacklog` acknowledged events are
   * still unapplied (`backlog`), until `stop`: the stream then follows the consumers' pace, and
   * holds a backlog while they are stopped, so that every partition has work when they resume.
   */
  async run(backlog: () => Promise<number>, perPost = 100, maxBacklog = 1500): Promise<void> {
    this.stopped = false;
    while (this.running()) {
      if ((await backlog()) >= maxBacklog) {
        // Pacing, not waiting for an outcome: the backlog is asked again shortly.
        await sleep(100);
        continue;
      }
      if (!(await this.post(this.stream.next(perPost)))) await sleep(AFTER_FAILURE_MS);
    }
  }

  stop(): void {
    this.stopped = true;
  }

  private running(): boolean {
    return !this.stopped;
  }

  /** True when the adapter acknowledged the post. */
  private async post(events: readonly InventoryLevelSet[]): Promise<boolean> {
    const snapshots = events.map((event) => ({
      sku: event.sku,
      location: event.location,
      onHand: event.onHand,
      reserved: event.reserved,
      version: event.sourceVersion,
    }));
    let status: number;
    try {
      const response = await fetch(`${this.adapterUrl()}/v1/inventory-levels`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: await localAuthorization() },
        body: JSON.stringify({ snapshots }),
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      status = response.status;
      if (status === 202) assertSameEvents(events, (await response.json()) as Accepted);
      else await response.body?.cancel();
    } catch (error: unknown) {
      if (error instanceof EventsDiffer) throw error;
      this.tally.unanswered += 1;
      this.count(error instanceof Error && error.name === 'TimeoutError' ? 'no answer' : 'refused');
      this.remember(events);
      return false;
    }
    this.count(String(status));
    if (status !== 202) {
      this.tally.refused += 1;
      this.remember(events);
      return false;
    }
    this.tally.acknowledged += 1;
    this.oracle.sent(events);
    const at = Date.now();
    for (const event of events) this.acknowledgedAt.set(event.eventId, at);
    return true;
  }

  private count(answer: string): void {
    this.tally.answers[answer] = (this.tally.answers[answer] ?? 0) + 1;
  }

  private remember(events: readonly InventoryLevelSet[]): void {
    for (const event of events) this.unconfirmed.set(event.eventId, event);
  }
}

interface Accepted {
  readonly events: readonly { readonly eventId: string }[];
}

class EventsDiffer extends Error {}

/** The adapter derives event ids as the fixtures do; if that ever changes, the oracle is wrong. */
function assertSameEvents(sent: readonly InventoryLevelSet[], accepted: Accepted): void {
  const ids = accepted.events.map((event) => event.eventId);
  const expected = sent.map((event) => event.eventId);
  if (JSON.stringify(ids) !== JSON.stringify(expected))
    throw new EventsDiffer(
      `the WMS adapter acknowledged other event ids than the oracle expects: ${ids.slice(0, 3).join(', ')}…`,
    );
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
