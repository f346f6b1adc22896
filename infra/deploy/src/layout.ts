import type { OptionSpecs } from '@ferry/config';
import { prometheusRule } from './alert-rules';
import { loadAppOptions, usesDatabase } from './app-options';
import { environmentPlan } from './environment';
import { kafkaTopics, kafkaUsers } from './kafka-resources';
import { asManifest, Namespace, type Manifest } from './manifest';
import { migrateJob, migrateServiceAccount, releaseVersion } from './migrate-jobs';
import { Overlays, type OverlaySettings } from './overlays';
import { configMapOf, imageOf } from './pod-spec';
import { maxConsumerReplicas, workloadObjects } from './workload-objects';
import { deployedServices, Workloads, type ServiceName, type Workload } from './workloads';
import { GeneratedHeader, yamlDocuments, yamlText } from './yaml-text';

/** Every file under infra/k8s, by path relative to it. */
export type ManifestTree = Map<string, string>;

export function optionsByService(): Map<ServiceName, OptionSpecs> {
  return new Map(deployedServices().map((service) => [service, loadAppOptions(service)]));
}

/** The objects of the base, by file (what tests look at before kustomize renders them). */
export function baseObjects(options: Map<ServiceName, OptionSpecs>): Map<string, Manifest[]> {
  const files = new Map<string, Manifest[]>();
  files.set('kafka/topics.yaml', kafkaTopics().map(asManifest));
  files.set('kafka/users.yaml', kafkaUsers().map(asManifest));
  files.set('monitoring/alert-rules.yaml', [prometheusRule()]);
  for (const workload of Workloads)
    files.set(
      `workloads/${workload.name}.yaml`,
      workloadObjects(workload, optionsOf(options, workload)),
    );
  return files;
}

function optionsOf(options: Map<ServiceName, OptionSpecs>, workload: Workload): OptionSpecs {
  const found = options.get(workload.service);
  if (found === undefined) throw new Error(`no options of ${workload.service}`);
  return found;
}

export function generateTree(options = optionsByService()): ManifestTree {
  const tree: ManifestTree = new Map();
  const services = deployedServices();
  const version = releaseVersion();
  const images = services.map((service) => ({ name: imageOf(service), newTag: version }));
  const base = baseObjects(options);
  for (const [path, objects] of base) tree.set(`base/${path}`, yamlDocuments(objects));
  for (const service of services)
    tree.set(
      `base/config/${service}.env`,
      envFile(environmentPlan(service, optionsFor(options, service)).configMap),
    );
  tree.set(
    'base/kustomization.yaml',
    kustomization({
      namespace: Namespace,
      resources: [...base.keys()],
      // Generated ConfigMaps get a hash suffix: a changed value rolls the Deployments.
      configMapGenerator: services.map((service) => ({
        name: configMapOf(service),
        envs: [`config/${service}.env`],
      })),
      images,
    }),
  );
  tree.set(
    'base/migrate/namespace-and-jobs.yaml',
    yamlDocuments([
      namespace(),
      migrateServiceAccount(),
      ...services.filter((service) => usesDatabase(optionsFor(options, service))).map(migrateJob),
    ]),
  );
  tree.set(
    'base/migrate/kustomization.yaml',
    kustomization({ namespace: Namespace, resources: ['namespace-and-jobs.yaml'], images }),
  );
  for (const [name, settings] of Object.entries(Overlays)) {
    tree.set(`overlays/${name}/kustomization.yaml`, overlayKustomization(settings, images));
    tree.set(
      `overlays/${name}/migrate/kustomization.yaml`,
      kustomization({ resources: ['../../../base/migrate'], images }),
    );
  }
  return tree;
}

function optionsFor(options: Map<ServiceName, OptionSpecs>, service: ServiceName): OptionSpecs {
  const found = options.get(service);
  if (found === undefined) throw new Error(`no options of ${service}`);
  return found;
}

/** The namespace is created by the migrate step, the first thing applied (see migrate-jobs.ts). */
function namespace(): Manifest {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: Namespace } };
}

function envFile(values: Readonly<Record<string, string>>): string {
  const lines = Object.entries(values).map(([key, value]) => `${key}=${value}`);
  return `${GeneratedHeader}${lines.join('\n')}\n`;
}

function kustomization(fields: Record<string, unknown>): string {
  return (
    GeneratedHeader +
    yamlText({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...fields })
  );
}

type JsonPatch = { op: 'replace' | 'remove' | 'add'; path: string; value?: unknown };

function patch(target: Record<string, string>, operations: JsonPatch[]) {
  return { target, patch: yamlText(operations) };
}

function overlayKustomization(
  settings: OverlaySettings,
  images: readonly { name: string; newTag: string }[],
): string {
  const patches = [
    patch({ kind: 'KafkaTopic' }, [
      { op: 'replace', path: '/spec/replicas', value: settings.topics.replicas },
      {
        op: 'replace',
        path: '/spec/config/min.insync.replicas',
        value: String(settings.topics.minInsyncReplicas),
      },
    ]),
    patch({ kind: 'Deployment' }, [
      {
        op: 'replace',
        path: '/spec/template/spec/containers/0/resources',
        value: settings.resources,
      },
    ]),
    patch({ kind: 'HorizontalPodAutoscaler' }, [
      { op: 'replace', path: '/spec/minReplicas', value: settings.http.minReplicas },
      { op: 'replace', path: '/spec/maxReplicas', value: settings.http.maxReplicas },
    ]),
    ...Workloads.filter((workload) => workload.traffic === 'consumer').map((workload) =>
      patch({ kind: 'ScaledObject', name: workload.name }, [
        { op: 'replace', path: '/spec/minReplicaCount', value: settings.consumer.minReplicas },
        {
          op: 'replace',
          path: '/spec/maxReplicaCount',
          value: settings.consumer.maxReplicas ?? maxConsumerReplicas(workload),
        },
      ]),
    ),
    ...(settings.minAvailable === undefined
      ? []
      : Workloads.map((workload) =>
          patch({ kind: 'PodDisruptionBudget', name: workload.name }, [
            { op: 'remove', path: '/spec/maxUnavailable' },
            {
              op: 'add',
              path: '/spec/minAvailable',
              value: settings.minAvailable?.[workload.traffic],
            },
          ]),
        )),
  ];
  return kustomization({ resources: ['../../base', 'migrate'], images, patches });
}
