import { TopicReplication } from './kafka-resources';
import { BaseResources } from './pod-spec';
import { BaseScaling } from './workload-objects';
import type { Traffic } from './workloads';

type Resources = typeof BaseResources;

/** What an environment changes in the base. Applied by JSON patches in its kustomization. */
export interface OverlaySettings {
  readonly topics: { readonly replicas: number; readonly minInsyncReplicas: number };
  readonly http: { readonly minReplicas: number; readonly maxReplicas: number };
  /** `maxReplicas` undefined: the base's, the smallest partition count of the groups' topics. */
  readonly consumer: { readonly minReplicas: number; readonly maxReplicas?: number };
  readonly resources: Resources;
  /** PodDisruptionBudget minAvailable per kind of workload; undefined keeps maxUnavailable: 1. */
  readonly minAvailable?: Readonly<Record<Traffic, number>>;
}

export const Overlays: Readonly<Record<'dev' | 'prod', OverlaySettings>> = {
  // One broker, one replica of each workload, small pods.
  dev: {
    topics: { replicas: 1, minInsyncReplicas: 1 },
    http: { minReplicas: 1, maxReplicas: 1 },
    consumer: { minReplicas: 1, maxReplicas: 1 },
    resources: {
      requests: { cpu: '50m', memory: '128Mi' },
      limits: { cpu: '500m', memory: '256Mi' },
    },
  },
  prod: {
    topics: TopicReplication,
    http: { minReplicas: 3, maxReplicas: 12 },
    consumer: { minReplicas: 2 },
    resources: {
      requests: { cpu: '500m', memory: '512Mi' },
      limits: { cpu: '2', memory: '1Gi' },
    },
    // A monitor has one replica: requiring it available would block every node drain.
    minAvailable: { http: 2, consumer: 1, monitor: 0 },
  },
};

export const BaseSettings = {
  scaling: BaseScaling,
  resources: BaseResources,
  topics: TopicReplication,
};
