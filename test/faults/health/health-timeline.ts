/** `/health/ready` or `/health/live`. */
export type Probe = 'ready' | 'live';

/** An HTTP status, or what happened instead of one. */
export type ProbeStatus = number | 'refused' | 'no answer';

/** One poll of one probe of one service. */
export interface HealthSample {
  /** Epoch milliseconds. */
  readonly at: number;
  readonly service: string;
  readonly probe: Probe;
  readonly status: ProbeStatus;
  /** Why, as the service put it: its components that are not ready, with their detail. */
  readonly detail: string;
}

/** A probe whose answer changed; the first sample of each probe counts as a change too. */
export interface HealthTransition {
  readonly service: string;
  readonly probe: Probe;
  /** Milliseconds from the fault's start (negative: before it). */
  readonly atMs: number;
  readonly status: ProbeStatus;
  readonly detail: string;
}

/** The changes of each service's probes, in time order, timed from `faultAt`. */
export function transitionsOf(
  samples: readonly HealthSample[],
  faultAt: number,
): HealthTransition[] {
  const last = new Map<string, ProbeStatus>();
  const transitions: HealthTransition[] = [];
  for (const sample of [...samples].sort((a, b) => a.at - b.at)) {
    const key = `${sample.service} ${sample.probe}`;
    if (last.has(key) && last.get(key) === sample.status) continue;
    last.set(key, sample.status);
    transitions.push({
      service: sample.service,
      probe: sample.probe,
      atMs: sample.at - faultAt,
      status: sample.status,
      detail: sample.detail,
    });
  }
  return transitions;
}

/** Every answer a probe gave between `from` and `to` (epoch ms), in order, without repeats. */
export function statusesBetween(
  samples: readonly HealthSample[],
  service: string,
  probe: Probe,
  from: number,
  to: number,
): ProbeStatus[] {
  const seen: ProbeStatus[] = [];
  for (const sample of samples) {
    if (sample.service !== service || sample.probe !== probe) continue;
    if (sample.at < from || sample.at > to) continue;
    if (seen.at(-1) !== sample.status) seen.push(sample.status);
  }
  return seen;
}

/** The first sample at or after `from` (epoch ms) in which the probe answered `status`. */
export function firstAnswer(
  samples: readonly HealthSample[],
  service: string,
  probe: Probe,
  status: ProbeStatus,
  from: number,
): HealthSample | undefined {
  return samples.find(
    (sample) =>
      sample.service === service &&
      sample.probe === probe &&
      sample.status === status &&
      sample.at >= from,
  );
}

const DETAIL_CHARS = 70;

/**
 * One line per service for the fault table, e.g.
 * `projector ready 200, 503 +4.2s (inventory-projection: holding 2 partition(s): …), 200 +63.0s; live 200`.
 */
export function summarizeHealth(transitions: readonly HealthTransition[]): string {
  const services = [...new Set(transitions.map((t) => t.service))];
  return services
    .map((service) => {
      const probes = (['ready', 'live'] as const).map((probe) => {
        const changes = transitions.filter((t) => t.service === service && t.probe === probe);
        const steps = changes.map((change, index) =>
          index === 0 ? describeStatus(change) : `${describeStatus(change)} ${timing(change.atMs)}`,
        );
        return `${probe} ${steps.length === 0 ? '?' : steps.join(', ')}`;
      });
      return `${service} ${probes.join('; ')}`;
    })
    .join(' | ');
}

function describeStatus(change: HealthTransition): string {
  const status = String(change.status);
  if (change.status === 200 || change.detail === '') return status;
  const detail =
    change.detail.length > DETAIL_CHARS
      ? `${change.detail.slice(0, DETAIL_CHARS)}…`
      : change.detail;
  return `${status} (${detail})`;
}

function timing(atMs: number): string {
  return `${atMs < 0 ? '-' : '+'}${(Math.abs(atMs) / 1000).toFixed(1)}s`;
}
