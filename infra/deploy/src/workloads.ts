import { ServiceAccess } from '@ferry/contracts';

/** Which app a workload runs, i.e. a service of `ServiceAccess` (its principal, its groups). */
export type ServiceName = (typeof ServiceAccess)[number]['service'];

/**
 * How a workload is reached and scaled:
 * - `http`: serves callers on its HTTP port (Service, HPA on CPU);
 * - `consumer`: reads Kafka only (no Service for traffic; KEDA scales it on its groups' lag);
 * - `monitor`: watches the cluster for Prometheus (no Service for traffic, no autoscaler): one
 *   replica exactly, since two would report every figure twice.
 */
export type Traffic = 'http' | 'consumer' | 'monitor';

/** The external system a workload calls, whose egress an overlay opens (CIDR and port). */
export type Downstream = 'erp' | 'wms';

export interface Workload {
  /** Name of the Deployment and of everything that belongs to it alone. */
  readonly name: string;
  readonly service: ServiceName;
  readonly traffic: Traffic;
  /**
   * `FERRY_ROLE` of an app that runs as two Deployments: `intake` (HTTP ingest, webhook and
   * catch-up poll) and `sink` (the consumers that write into the external system). Split so that
   * a pod whose ERP or WMS is down stays ready for the traffic it takes in.
   */
  readonly role?: 'intake' | 'sink';
  readonly calls?: Downstream;
}

/**
 * Every Deployment Ferry runs. Checked against `ServiceAccess` and `apps/` by workloads.spec.ts:
 * a new service or consumer cannot be left out.
 */
export const Workloads = [
  { name: 'order-api', service: 'order-api', traffic: 'http' },
  { name: 'wms-adapter-intake', service: 'wms-adapter', traffic: 'http', role: 'intake' },
  {
    name: 'wms-adapter-sink',
    service: 'wms-adapter',
    traffic: 'consumer',
    role: 'sink',
    calls: 'wms',
  },
  {
    name: 'erp-adapter-intake',
    service: 'erp-adapter',
    traffic: 'http',
    role: 'intake',
    // The catch-up poll reads Odoo.
    calls: 'erp',
  },
  {
    name: 'erp-adapter-sink',
    service: 'erp-adapter',
    traffic: 'consumer',
    role: 'sink',
    calls: 'erp',
  },
  { name: 'inventory-projector', service: 'inventory-projector', traffic: 'consumer' },
  { name: 'shipment-projector', service: 'shipment-projector', traffic: 'consumer' },
  { name: 'lag-exporter', service: 'lag-exporter', traffic: 'monitor' },
] as const satisfies readonly Workload[];

/** Apps that are not Deployments, and why. */
export const NotDeployed: Readonly<Record<string, string>> = {
  'ops-cli':
    "the operators' CLI: run by hand (`kubectl run` with its image, or locally), as principal ferry-ops",
};

/** The services, each once, in table order. */
export function deployedServices(): ServiceName[] {
  return [...new Set(Workloads.map((workload) => workload.service))];
}

export function accessOf(service: ServiceName) {
  const access = ServiceAccess.find((entry) => entry.service === service);
  if (access === undefined) throw new Error(`${service} has no Kafka access declaration`);
  return access;
}
