import type { Verdict } from '../figures';
import type { CpuPerEvent } from '../probes/cpu-account';
import type { EndToEndResult, FlowCpu, LatencyResult, LatencyRun } from './flow-benchmark';

/** The targets for the flow on this 2-core machine. */
export const FLOW_TARGETS = {
  endToEndEventsPerSecond: 25_000,
  adapterCpuUsPerEvent: 20,
  /** p99 from send to row visible, by snapshots per request. */
  p99Ms: { 20: 50, 100: 30 } as Readonly<Record<number, number>>,
} as const;

const n = (value: number): string => Math.round(value).toLocaleString('en-US');
const us = (value: number | null): string => (value === null ? 'n/a' : `${value.toFixed(1)} µs`);
const verdict = (met: boolean): Verdict => (met ? 'PASS' : 'MISS');

function cpuLine(cpu: FlowCpu): string {
  const p: CpuPerEvent = cpu.projector;
  return (
    `  CPU per event: wms-adapter ${us(cpu.adapter.processUs)} (main thread ${us(cpu.adapter.mainThreadUs)}), ` +
    `projector ${us(p.processUs)} (main thread ${us(p.mainThreadUs)}), its Postgres backends ${us(p.postgresUs)}, ` +
    `broker ${us(p.brokerUs)}; load generator ${us(cpu.loadGeneratorUs)}`
  );
}

export function formatEndToEnd(result: EndToEndResult): string[] {
  const adapterUs = result.cpu.adapter.processUs;
  return [
    'Ferry end-to-end benchmark: WMS snapshots over HTTP → wms-adapter → Kafka → inventory-projector → Postgres',
    `  ${n(result.events)} snapshots in requests of ${result.snapshotsPerRequest}, ${result.concurrency} in flight; ` +
      `load average ${result.loadAverage.atStart.toFixed(1)} at start, ${result.loadAverage.atEnd.toFixed(1)} at end`,
    `  intake (every request answered 202, events acknowledged by Kafka): ${result.intakeSeconds.toFixed(1)} s, ${n(result.intakeEventsPerSecond)} events/s`,
    `  end to end (the projector handled every event): ${result.endToEndSeconds.toFixed(1)} s, ${n(result.endToEndEventsPerSecond)} events/s` +
      `   target ≥ ${n(FLOW_TARGETS.endToEndEventsPerSecond)}  ${verdict(result.endToEndEventsPerSecond >= FLOW_TARGETS.endToEndEventsPerSecond)}`,
    `  wms-adapter CPU per event ${us(adapterUs)}   target ≤ ${FLOW_TARGETS.adapterCpuUsPerEvent} µs  ` +
      (adapterUs === null ? 'n/a' : verdict(adapterUs <= FLOW_TARGETS.adapterCpuUsPerEvent)),
    cpuLine(result.cpu),
    ...(result.adapterProfile
      ? [
          '  wms-adapter CPU profile, self time as shares of its busy time:',
          ...result.adapterProfile.map(
            (entry) => `    ${(entry.share * 100).toFixed(1).padStart(5)} %  ${entry.where}`,
          ),
        ]
      : []),
  ];
}

function latencyLines(run: LatencyRun): string[] {
  const target = FLOW_TARGETS.p99Ms[run.snapshotsPerRequest];
  return [
    `  ${run.snapshotsPerRequest} snapshots per request at ${n(run.eventsPerSecond)} events/s, ${n(run.probes)} probes: ` +
      `p50 ${run.p50Ms.toFixed(0)} ms, p95 ${run.p95Ms.toFixed(0)} ms, p99 ${run.p99Ms.toFixed(0)} ms, max ${run.maxMs.toFixed(0)} ms` +
      (target === undefined ? '' : `   target p99 ≤ ${target} ms  ${verdict(run.p99Ms <= target)}`),
    cpuLine(run.cpu),
  ];
}

export function formatLatency(result: LatencyResult): string[] {
  return [
    'Ferry latency benchmark: HTTP send → row visible in Postgres, at a steady rate',
    `  each run ${result.seconds} s, the first 2 s left out; one probe snapshot (a key used once) per request, ` +
      'looked up every 5 ms; latency = first poll that sees it − the time its request was due',
    `  load average ${result.loadAverage.atStart.toFixed(1)} at start, ${result.loadAverage.atEnd.toFixed(1)} at end`,
    ...result.runs.flatMap(latencyLines),
  ];
}
