import { setTimeout as sleep } from 'node:timers/promises';
import { signatureHeaders, type SignatureFault, type SigningOptions } from './signing';

/**
 * Misbehaviour of outbound deliveries (webhooks, WMS messages). Several can apply at once.
 * `...Every` counts messages handed to the outbox (1-based), so tests stay deterministic.
 */
export interface DeliveryFaults {
  readonly dropEvery?: number;
  readonly dropRate?: number;
  readonly duplicateEvery?: number;
  readonly duplicateRate?: number;
  /** Holds this many messages back and sends them newest first (flushed after 200 ms). */
  readonly reorderWindow?: number;
  readonly signature?: SignatureFault;
  /** Added to the signing timestamp; -3600 makes every delivery an hour stale. */
  readonly timestampSkewSeconds?: number;
}

export interface OutboundMessage {
  readonly url: string;
  readonly rawBody: string;
  /** What the message is, for the delivery log (e.g. `purchase.order#7 write`). */
  readonly label: string;
}

export interface DeliveryRecord {
  /** Position of the message in the order it was handed to the outbox (1-based). */
  readonly sequence: number;
  readonly label: string;
  readonly url: string;
  readonly rawBody: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly at: number;
  readonly attempt: number;
  readonly copy: 'original' | 'duplicate';
  readonly outcome: 'delivered' | 'failed' | 'dropped';
  readonly status?: number;
  readonly error?: string;
}

export interface OutboxOptions {
  readonly signing?: SigningOptions;
  /** Per-attempt timeout; Odoo's webhook action uses 1 s. */
  readonly timeoutMs: number;
  /** 1 means no retry, as Odoo's webhooks. */
  readonly maxAttempts: number;
  readonly random?: () => number;
}

const REORDER_FLUSH_MS = 200;

interface Prepared {
  readonly message: OutboundMessage;
  readonly sequence: number;
  readonly duplicate: boolean;
}

/** Sends messages one after another (in order unless a fault says otherwise), best effort. */
export class Outbox {
  private deliveryFaults: DeliveryFaults = {};
  private sequence = 0;
  private tail: Promise<void> = Promise.resolve();
  private held: Prepared[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly log: DeliveryRecord[] = [];
  private readonly random: () => number;
  private authorization: string | undefined;

  constructor(private readonly options: OutboxOptions) {
    this.random = options.random ?? Math.random;
  }

  get faults(): DeliveryFaults {
    return this.deliveryFaults;
  }

  setFaults(faults: DeliveryFaults): void {
    this.deliveryFaults = { ...faults };
  }

  /**
   * The Authorization header every delivery carries from now on (a bearer token, say). Kept out
   * of the delivery log, so that no credential ends up in a test's output.
   */
  setAuthorization(authorization: string | undefined): void {
    this.authorization = authorization;
  }

  /** Queues a message; returns at once (fire and forget, like Odoo's automation rules). */
  enqueue(message: OutboundMessage): void {
    const prepared = this.prepare(message);
    if (prepared === undefined) return;
    const window = this.deliveryFaults.reorderWindow ?? 0;
    if (window > 1) {
      this.held.push(prepared);
      if (this.held.length >= window) this.flushHeld();
      else this.scheduleFlush();
      return;
    }
    this.chain([prepared]);
  }

  /**
   * Sends messages at once with up to `concurrency` in flight, outside the ordered queue: a burst.
   * Drop and duplicate faults still apply; resolves when every delivery finished.
   */
  async burst(messages: readonly OutboundMessage[], concurrency: number): Promise<void> {
    const queue = messages.flatMap((message) => {
      const prepared = this.prepare(message);
      return prepared === undefined ? [] : [prepared];
    });
    const workers = Array.from({ length: Math.max(1, concurrency) }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift())
        await this.deliver(next);
    });
    await Promise.all(workers);
  }

  /** Resolves once every queued and held-back message has been sent (or has failed). */
  async idle(): Promise<void> {
    this.flushHeld();
    let tail: Promise<void> | undefined;
    while (tail !== this.tail) {
      tail = this.tail;
      await tail;
    }
  }

  deliveries(): DeliveryRecord[] {
    return [...this.log];
  }

  clearDeliveries(): void {
    this.log.length = 0;
  }

  close(): void {
    clearTimeout(this.flushTimer);
    this.held = [];
  }

  private prepare(message: OutboundMessage): Prepared | undefined {
    this.sequence += 1;
    const sequence = this.sequence;
    const faults = this.deliveryFaults;
    const drop =
      (faults.dropEvery !== undefined && sequence % faults.dropEvery === 0) ||
      (faults.dropRate !== undefined && this.random() < faults.dropRate);
    if (drop) {
      this.log.push({
        sequence,
        label: message.label,
        url: message.url,
        rawBody: message.rawBody,
        headers: {},
        at: Date.now(),
        attempt: 0,
        copy: 'original',
        outcome: 'dropped',
      });
      return undefined;
    }
    const duplicate =
      (faults.duplicateEvery !== undefined && sequence % faults.duplicateEvery === 0) ||
      (faults.duplicateRate !== undefined && this.random() < faults.duplicateRate);
    return { message, sequence, duplicate };
  }

  private scheduleFlush(): void {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => {
      this.flushHeld();
    }, REORDER_FLUSH_MS);
    this.flushTimer.unref();
  }

  private flushHeld(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.held.length === 0) return;
    const newestFirst = this.held.reverse();
    this.held = [];
    this.chain(newestFirst);
  }

  private chain(batch: readonly Prepared[]): void {
    this.tail = this.tail.then(async () => {
      for (const prepared of batch) await this.deliver(prepared);
    });
  }

  private async deliver(prepared: Prepared): Promise<void> {
    const { message } = prepared;
    const skew = this.deliveryFaults.timestampSkewSeconds ?? 0;
    const timestamp = Math.floor(Date.now() / 1000) + skew;
    const headers = {
      'content-type': 'application/json',
      ...signatureHeaders(
        this.options.signing,
        message.rawBody,
        timestamp,
        this.deliveryFaults.signature,
      ),
    };
    await this.attempt(prepared, headers, 'original');
    // A duplicate is the very same request again, as a retrying proxy would send it.
    if (prepared.duplicate) await this.attempt(prepared, headers, 'duplicate');
  }

  /** `headers` are logged; the request carries the Authorization header besides. */
  private async attempt(
    prepared: Prepared,
    headers: Readonly<Record<string, string>>,
    copy: 'original' | 'duplicate',
  ): Promise<void> {
    const sent =
      this.authorization === undefined
        ? headers
        : { ...headers, authorization: this.authorization };
    const { message, sequence } = prepared;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt += 1) {
      const base = {
        sequence,
        label: message.label,
        url: message.url,
        rawBody: message.rawBody,
        headers,
        attempt,
        copy,
      };
      const at = Date.now();
      try {
        const response = await fetch(message.url, {
          method: 'POST',
          headers: sent,
          body: message.rawBody,
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        await response.arrayBuffer();
        const outcome = response.ok ? 'delivered' : 'failed';
        this.log.push({ ...base, at, outcome, status: response.status });
        if (response.ok || (response.status < 500 && response.status !== 429)) return;
      } catch (error: unknown) {
        this.log.push({ ...base, at, outcome: 'failed', error: describeError(error) });
      }
      if (attempt < this.options.maxAttempts) await sleep(100 * 2 ** (attempt - 1));
    }
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}`;
}
