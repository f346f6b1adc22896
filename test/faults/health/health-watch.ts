import type { HealthSample, Probe, ProbeStatus } from './health-timeline';

/** How often each probe is asked; the timing of a transition is known to this much. */
export const HEALTH_POLL_MS = 250;
/** A probe that has not answered in this long counts as `no answer` (a wedged process). */
const ANSWER_WITHIN_MS = 2000;

/**
 * Polls `/health/ready` and `/health/live` of the services it is given, every 250 ms each, for
 * as long as a case runs, and keeps every answer: the case then reads when each probe flipped and
 * why. A service that stops answering is recorded as `refused` or `no answer`, not skipped.
 */
export class HealthWatch {
  private readonly recorded: HealthSample[] = [];
  private readonly loops: Promise<void>[] = [];
  /** The poll loop that currently speaks for each service. */
  private readonly current = new Map<string, symbol>();
  private stopping = false;

  /** Polls `url` under the name `service`, in place of an earlier process of that name. */
  watch(service: string, url: string): void {
    const token = Symbol(service);
    this.current.set(service, token);
    this.loops.push(this.poll(service, url, token));
  }

  samples(): readonly HealthSample[] {
    return this.recorded;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  private async poll(service: string, url: string, token: symbol): Promise<void> {
    const mine = (): boolean => !this.stopping && this.current.get(service) === token;
    while (mine()) {
      const started = Date.now();
      const answers = await Promise.all(
        (['ready', 'live'] as const).map((probe) => ask(service, url, probe)),
      );
      if (!mine()) return;
      this.recorded.push(...answers);
      await new Promise((done) =>
        setTimeout(done, Math.max(0, started + HEALTH_POLL_MS - Date.now())),
      );
    }
  }
}

async function ask(service: string, url: string, probe: Probe): Promise<HealthSample> {
  const at = Date.now();
  try {
    const response = await fetch(`${url}/health/${probe}`, {
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    const body: unknown = await response.json().catch(() => undefined);
    return { at, service, probe, status: response.status, detail: notReadyComponents(body) };
  } catch (error: unknown) {
    const status: ProbeStatus = isTimeout(error) ? 'no answer' : 'refused';
    return { at, service, probe, status, detail: causeOf(error) };
  }
}

/** `name: detail` of every component the report says is not ready. */
function notReadyComponents(body: unknown): string {
  if (typeof body !== 'object' || body === null || !('components' in body)) return '';
  const components = body.components;
  if (typeof components !== 'object' || components === null) return '';
  return Object.entries(components)
    .flatMap(([name, state]: [string, unknown]) => {
      if (typeof state !== 'object' || state === null) return [];
      const { ready, detail } = state as { ready?: unknown; detail?: unknown };
      return ready === false ? [`${name}: ${typeof detail === 'string' ? detail : '?'}`] : [];
    })
    .join('; ');
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string')
    return cause.code;
  return error.message;
}
