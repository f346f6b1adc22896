import type { OptionSpecs } from '@ferry/config';
import { Topics } from '@ferry/contracts';
import { terminationGraceSeconds } from './drain';
import { KafkaBootstrap, KafkaClusterCaSecret, Ports, environmentPlan } from './environment';
import { labelsOf, selectorOf, type Manifest } from './manifest';
import { egressRules, ingressRules } from './network';
import {
  BaseResources,
  containerEnvironment,
  containerPorts,
  containerSecurityContext,
  imageOf,
  podSecurityContext,
  preStop,
  probes,
  secretVolumes,
  topologySpread,
} from './pod-spec';
import { accessOf, type Workload } from './workloads';

/** Autoscaling bounds of the base; overlays patch them (see overlays.ts). */
export const BaseScaling = {
  http: { minReplicas: 2, maxReplicas: 6, cpuUtilization: 70 },
  consumer: { minReplicas: 1 },
  monitor: { replicas: 1 },
} as const;

/** Seconds a new consumer pod stays ready before a rollout moves on to the next pod. */
export const CONSUMER_MIN_READY_SECONDS = 15;

export function componentOf(workload: Workload): string {
  if (workload.role !== undefined) return workload.role;
  return { http: 'api', consumer: 'projector', monitor: 'exporter' }[workload.traffic];
}

/** Everything one workload needs, in apply order. */
export function workloadObjects(workload: Workload, options: OptionSpecs): Manifest[] {
  return [
    serviceAccount(workload),
    deployment(workload, options),
    ...(workload.traffic === 'http' ? [service(workload)] : []),
    podDisruptionBudget(workload),
    networkPolicy(workload),
    ...autoscaling(workload, options),
    monitor(workload),
  ];
}

/** HTTP workloads scale on CPU, consumers on their lag; a monitor runs exactly one replica. */
function autoscaling(workload: Workload, options: OptionSpecs): Manifest[] {
  if (workload.traffic === 'http') return [horizontalPodAutoscaler(workload)];
  if (workload.traffic === 'consumer')
    return [triggerAuthentication(workload), scaledObject(workload, options)];
  return [];
}

function meta(workload: Workload, name = workload.name) {
  return { name, labels: labelsOf(workload.name, componentOf(workload)) };
}

function serviceAccount(workload: Workload): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: meta(workload),
    // Ferry never talks to the Kubernetes API.
    automountServiceAccountToken: false,
  };
}

export function deployment(workload: Workload, options: OptionSpecs): Manifest {
  const plan = environmentPlan(workload.service, options);
  const own: Record<string, string> =
    workload.role === undefined ? {} : { FERRY_ROLE: workload.role };
  const { volumes, volumeMounts } = secretVolumes(workload.service);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(workload),
    // No `replicas` where the HPA or KEDA owns it, and an apply must not reset it.
    spec: {
      selector: { matchLabels: selectorOf(workload.name) },
      ...rollout(workload),
      // A consumer is ready once its group gave it partitions, so a rollout replaces one pod per
      // settled rebalance; the pause lets the group fetch and commit before the next one.
      ...(workload.traffic === 'consumer' ? { minReadySeconds: CONSUMER_MIN_READY_SECONDS } : {}),
      template: {
        metadata: { labels: labelsOf(workload.name, componentOf(workload)) },
        spec: {
          serviceAccountName: workload.name,
          automountServiceAccountToken: false,
          securityContext: podSecurityContext,
          terminationGracePeriodSeconds: terminationGraceSeconds(workload, options),
          topologySpreadConstraints: topologySpread(workload.name),
          containers: [
            {
              name: workload.service,
              image: imageOf(workload.service),
              ports: containerPorts(workload.traffic === 'http'),
              ...containerEnvironment(workload.service, plan, own),
              ...probes(),
              lifecycle: preStop,
              resources: BaseResources,
              securityContext: containerSecurityContext,
              volumeMounts,
            },
          ],
          volumes,
        },
      },
    },
  };
}

/**
 * A monitor has one replica and is replaced by stopping it first: two at once would report every
 * figure twice for a moment. The others surge one new pod before taking an old one away.
 */
function rollout(workload: Workload) {
  if (workload.traffic === 'monitor')
    return { replicas: BaseScaling.monitor.replicas, strategy: { type: 'Recreate' } };
  return {
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  };
}

function service(workload: Workload): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(workload),
    spec: {
      selector: selectorOf(workload.name),
      ports: [
        { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
        { name: 'metrics', port: Ports.ops, targetPort: 'metrics', protocol: 'TCP' },
      ],
    },
  };
}

function podDisruptionBudget(workload: Workload): Manifest {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(workload),
    // maxUnavailable, not minAvailable: a single replica (dev) can still be evicted for a drain.
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(workload.name) } },
  };
}

function networkPolicy(workload: Workload): Manifest {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(workload),
    spec: {
      podSelector: { matchLabels: selectorOf(workload.name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: ingressRules(workload),
      egress: egressRules(workload),
    },
  };
}

function horizontalPodAutoscaler(workload: Workload): Manifest {
  const scaling = BaseScaling.http;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: meta(workload),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: workload.name },
      minReplicas: scaling.minReplicas,
      maxReplicas: scaling.maxReplicas,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: scaling.cpuUtilization },
          },
        },
      ],
    },
  };
}

/** The groups a consumer workload reads with, and their topics' partition counts. */
export function consumptionsOf(workload: Workload) {
  return accessOf(workload.service).consumes.map((consumption) => ({
    group: consumption.group,
    topic: Topics[consumption.topic].name,
    partitions: Topics[consumption.topic].partitions,
  }));
}

/** More consumers than partitions sit idle: the bound on a consumer workload's replicas. */
export function maxConsumerReplicas(workload: Workload): number {
  return Math.min(...consumptionsOf(workload).map((consumption) => consumption.partitions));
}

/**
 * Lag worth one more replica: one batch (the app's own batch size option), so a replica is added
 * when each has more than a transaction's worth waiting.
 */
export function lagThreshold(options: OptionSpecs): number {
  const batch = Object.values(options).find((spec) => spec.env === 'FERRY_MAX_BATCH_SIZE');
  if (typeof batch?.default !== 'number') throw new Error('no batch size option');
  return batch.default;
}

function scaledObject(workload: Workload, options: OptionSpecs): Manifest {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: meta(workload),
    spec: {
      scaleTargetRef: { name: workload.name },
      // Scale to zero is off: a consumer reports lag, DLQ depth and health only while it runs.
      minReplicaCount: BaseScaling.consumer.minReplicas,
      maxReplicaCount: maxConsumerReplicas(workload),
      triggers: consumptionsOf(workload).map((consumption) => ({
        type: 'kafka',
        name: consumption.group.replaceAll('.', '-'),
        authenticationRef: { name: workload.name },
        metadata: {
          bootstrapServers: KafkaBootstrap,
          consumerGroup: consumption.group,
          topic: consumption.topic,
          lagThreshold: String(lagThreshold(options)),
          // A new group starts at the beginning, as the runtime does (fromBeginning).
          offsetResetPolicy: 'earliest',
          allowIdleConsumers: 'false',
          sasl: 'scram_sha512',
          tls: 'enable',
        },
      })),
    },
  };
}

/** KEDA reads lag as the workload's own principal: its KafkaUser's Secret and the cluster CA. */
function triggerAuthentication(workload: Workload): Manifest {
  const principal = accessOf(workload.service).principal;
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: meta(workload),
    spec: {
      // The user name is the KafkaUser's name; Strimzi's Secret holds only the password.
      env: [
        { parameter: 'username', name: 'KAFKA_SASL_USERNAME', containerName: workload.service },
      ],
      secretTargetRef: [
        { parameter: 'password', name: principal, key: 'password' },
        { parameter: 'ca', name: KafkaClusterCaSecret, key: 'ca.crt' },
      ],
    },
  };
}

/** /metrics on the ops port: through the Service where there is one, from the pods otherwise. */
function monitor(workload: Workload): Manifest {
  const endpoint = { port: 'metrics', path: '/metrics', interval: '30s' };
  if (workload.traffic === 'http')
    return {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: meta(workload),
      spec: { selector: { matchLabels: selectorOf(workload.name) }, endpoints: [endpoint] },
    };
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: meta(workload),
    spec: {
      selector: { matchLabels: selectorOf(workload.name) },
      podMetricsEndpoints: [endpoint],
    },
  };
}
