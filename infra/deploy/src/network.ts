import { KafkaCluster } from './environment';
import type { Downstream, Workload } from './workloads';

/**
 * Where the systems outside the cluster's Ferry pods are. The base holds placeholders an overlay
 * patches: namespaces by name, external systems as documentation CIDRs (RFC 5737, which match
 * nothing real, so an unpatched policy opens nothing).
 */
export const NetworkPeers = {
  monitoringNamespace: 'monitoring',
  registryNamespace: 'schema-registry',
  registryPort: 8080,
  postgres: { cidr: '192.0.2.0/24', port: 5432 },
  erp: { cidr: '198.51.100.0/24', port: 443 },
  wms: { cidr: '203.0.113.0/24', port: 443 },
} as const;

const tcp = (port: number | string) => ({ protocol: 'TCP', port });
const inNamespace = (name: string) => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': name } },
});

/** Callers reach the HTTP port (where it has one); Prometheus reaches the ops port. */
export function ingressRules(workload: Workload) {
  return [
    ...(workload.traffic === 'http' ? [{ ports: [tcp('http')] }] : []),
    { from: [inNamespace(NetworkPeers.monitoringNamespace)], ports: [tcp('metrics')] },
  ];
}

/** DNS, Kafka (Strimzi's pods), the registry, Postgres, and the workload's own ERP or WMS. */
export function egressRules(workload: Workload) {
  return [
    {
      to: [
        {
          ...inNamespace('kube-system'),
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        },
      ],
      ports: [
        { protocol: 'UDP', port: 53 },
        { protocol: 'TCP', port: 53 },
      ],
    },
    {
      // Bootstrap and brokers of the cluster, in whichever namespace Strimzi runs it.
      to: [
        {
          namespaceSelector: {},
          podSelector: { matchLabels: { 'strimzi.io/cluster': KafkaCluster } },
        },
      ],
      ports: [tcp(9093)],
    },
    {
      to: [inNamespace(NetworkPeers.registryNamespace)],
      ports: [tcp(NetworkPeers.registryPort)],
    },
    {
      to: [{ ipBlock: { cidr: NetworkPeers.postgres.cidr } }],
      ports: [tcp(NetworkPeers.postgres.port)],
    },
    ...(workload.calls === undefined ? [] : [downstreamRule(workload.calls)]),
  ];
}

function downstreamRule(downstream: Downstream) {
  const peer = NetworkPeers[downstream];
  return { to: [{ ipBlock: { cidr: peer.cidr } }], ports: [tcp(peer.port)] };
}
