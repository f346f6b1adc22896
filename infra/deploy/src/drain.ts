import type { OptionSpecs } from '@ferry/config';
import { CLIENT_TIMEOUT_MARGIN_MS } from '@ferry/persistence';
import { optionList } from './app-options';
import type { Workload } from './workloads';

/**
 * Seconds the pod sleeps in preStop before SIGTERM reaches the process, so that endpoints and
 * load balancers stop sending it requests before it starts closing (Kubernetes removes the pod
 * from Endpoints concurrently with preStop, not before it).
 */
export const PRE_STOP_SLEEP_SECONDS = 5;

/**
 * How long a process may take to stop after SIGTERM, from the bounds in its own configuration
 * (the defaults its options declare). The runtime has no drain deadline of its own: Nest runs
 * every onModuleDestroy, a consumer lets its current slice finish (a held partition notices the
 * stop within half a second), commits the slice's offsets and leaves its group; an HTTP
 * service finishes its open requests. So the drain is one in-flight unit of work, bounded by the
 * longest wait on a downstream it may be in, plus one Kafka request (offset commit or the
 * producer's last send, bounded by KAFKA_REQUEST_TIMEOUT_MS):
 * - Postgres: FERRY_DB_STATEMENT_TIMEOUT_MS, and the client gives up CLIENT_TIMEOUT_MARGIN_MS later;
 * - the ERP sink: one paced Odoo call, ODOO_TIMEOUT_MS; the WMS sink: FERRY_WMS_TIMEOUT_MS.
 * A SIGKILL after the grace period loses nothing (offsets follow the transaction; the slice is
 * delivered again and deduplicated): the grace period is for a clean leave, not for safety.
 */
export function drainMs(workload: Workload, options: OptionSpecs): number {
  const defaults = numericDefaults(options);
  const waits = [
    (defaults.get('FERRY_DB_STATEMENT_TIMEOUT_MS') ?? 0) + CLIENT_TIMEOUT_MARGIN_MS,
    workload.calls === 'erp' ? (defaults.get('ODOO_TIMEOUT_MS') ?? 0) : 0,
    workload.calls === 'wms' ? (defaults.get('FERRY_WMS_TIMEOUT_MS') ?? 0) : 0,
  ];
  const kafkaRequest = defaults.get('KAFKA_REQUEST_TIMEOUT_MS');
  if (kafkaRequest === undefined) throw new Error(`${workload.name}: no KAFKA_REQUEST_TIMEOUT_MS`);
  return Math.max(...waits) + kafkaRequest;
}

/** The pod's terminationGracePeriodSeconds: the preStop sleep, then the drain. */
export function terminationGraceSeconds(workload: Workload, options: OptionSpecs): number {
  return PRE_STOP_SLEEP_SECONDS + Math.ceil(drainMs(workload, options) / 1000);
}

function numericDefaults(options: OptionSpecs): Map<string, number> {
  return new Map(
    optionList(options).flatMap((spec) =>
      typeof spec.default === 'number' ? [[spec.env, spec.default] as const] : [],
    ),
  );
}
