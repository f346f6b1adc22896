import type { EnvironmentPlan } from './environment';
import { KafkaClusterCaSecret, Ports, SecretMounts, credentialsSecret } from './environment';
import { PRE_STOP_SLEEP_SECONDS } from './drain';
import { selectorOf } from './manifest';
import { accessOf, type ServiceName } from './workloads';

/** Non-root user of the images; the same number in every pod, so file permissions are known. */
export const RUN_AS_USER = 10001;

export function imageOf(service: ServiceName): string {
  return `ferry/${service}`;
}

export function configMapOf(service: ServiceName): string {
  return `${service}-config`;
}

export const containerSecurityContext = {
  runAsNonRoot: true,
  runAsUser: RUN_AS_USER,
  runAsGroup: RUN_AS_USER,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

export const podSecurityContext = {
  runAsNonRoot: true,
  runAsUser: RUN_AS_USER,
  runAsGroup: RUN_AS_USER,
  fsGroup: RUN_AS_USER,
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The one writable place of a read-only root: Node and libraries may write temporary files. */
const tmpVolume = { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } };

/** Base resources; overlays patch them (dev smaller, prod larger). */
export const BaseResources = {
  requests: { cpu: '100m', memory: '256Mi' },
  limits: { cpu: '1', memory: '512Mi' },
};

/** The container's variables: the ConfigMap, the Secret references, the workload's own. */
export function containerEnvironment(
  service: ServiceName,
  plan: EnvironmentPlan,
  own: Readonly<Record<string, string>>,
) {
  return {
    envFrom: [{ configMapRef: { name: configMapOf(service) } }],
    env: [
      ...Object.entries(own).map(([name, value]) => ({ name, value })),
      ...plan.secretRefs.map((ref) => ({
        name: ref.env,
        valueFrom: {
          secretKeyRef: {
            name: ref.secret,
            key: ref.key,
            ...(ref.optional ? { optional: true } : {}),
          },
        },
      })),
    ],
  };
}

/** Strimzi's Secrets as files: the KafkaUser's password (re-read at each connection) and the CA. */
export function secretVolumes(service: ServiceName) {
  return {
    volumes: [
      tmpVolume,
      { name: 'kafka-user', secret: { secretName: accessOf(service).principal } },
      {
        name: 'kafka-ca',
        secret: { secretName: KafkaClusterCaSecret, items: [{ key: 'ca.crt', path: 'ca.crt' }] },
      },
    ],
    volumeMounts: [
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'kafka-user', mountPath: SecretMounts.kafkaUser, readOnly: true },
      { name: 'kafka-ca', mountPath: SecretMounts.kafkaCa, readOnly: true },
    ],
  };
}

/** The ops port answers the probes (FERRY_OPS_PORT: health and metrics only, never callers). */
export function probes() {
  const get = (path: string) => ({ httpGet: { path, port: 'metrics' } });
  return {
    // Start-up (connecting to Kafka, Postgres, the registry) may take up to 5 minutes.
    startupProbe: { ...get('/health/live'), periodSeconds: 5, failureThreshold: 60 },
    livenessProbe: { ...get('/health/live'), periodSeconds: 10, failureThreshold: 3 },
    readinessProbe: { ...get('/health/ready'), periodSeconds: 5, failureThreshold: 2 },
  };
}

export function containerPorts(withHttp: boolean) {
  return [
    ...(withHttp ? [{ name: 'http', containerPort: Ports.http, protocol: 'TCP' }] : []),
    { name: 'metrics', containerPort: Ports.ops, protocol: 'TCP' },
  ];
}

export const preStop = { preStop: { sleep: { seconds: PRE_STOP_SLEEP_SECONDS } } };

/** Spread over zones and nodes where possible; never unschedulable because of it. */
export function topologySpread(name: string) {
  return ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: 'ScheduleAnyway',
    labelSelector: { matchLabels: selectorOf(name) },
  }));
}

export { credentialsSecret };
