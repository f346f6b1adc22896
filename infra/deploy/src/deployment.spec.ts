import type { OptionSpecs } from '@ferry/config';
import { migrateOptions } from '@ferry/service-host';
import { optionList } from './app-options';
import { PRE_STOP_SLEEP_SECONDS, drainMs } from './drain';
import { environmentPlan, isCredential } from './environment';
import { optionsByService } from './layout';
import type { Manifest } from './manifest';
import { migrateJob } from './migrate-jobs';
import { deployment } from './workload-objects';
import { Workloads, type ServiceName } from './workloads';

interface Container {
  readonly env: { name: string; value?: string; valueFrom?: unknown }[];
  readonly envFrom: { configMapRef: { name: string } }[];
  readonly volumeMounts?: { name: string; mountPath: string }[];
}

interface PodSpec {
  readonly containers: Container[];
  readonly volumes: { name: string; secret?: unknown }[];
  readonly terminationGracePeriodSeconds: number;
}

const podOf = (object: Manifest): PodSpec =>
  (object['spec'] as { template: { spec: PodSpec } }).template.spec;

const options = optionsByService();
const optionsOf = (service: ServiceName): OptionSpecs => {
  const found = options.get(service);
  if (found === undefined) throw new Error(service);
  return found;
};

/** Variables a container gets: its ConfigMap's (the plan's), its own env entries. */
function variablesOf(service: ServiceName, container: Container): Set<string> {
  const plan = environmentPlan(service, optionsOf(service));
  return new Set([...Object.keys(plan.configMap), ...container.env.map((entry) => entry.name)]);
}

/** A secret given as a file: its _FILE variable points into a mounted Secret volume. */
function deliveredByFile(env: string, pod: PodSpec, service: ServiceName): boolean {
  const path = environmentPlan(service, optionsOf(service)).configMap[`${env}_FILE`];
  if (path === undefined || path === '') return false;
  const container = pod.containers[0];
  return (container?.volumeMounts ?? []).some(
    (mount) =>
      path.startsWith(`${mount.mountPath}/`) &&
      pod.volumes.some((volume) => volume.name === mount.name && volume.secret !== undefined),
  );
}

/** Every variable of `options` the workload's Deployment does not give its container. */
export function missingVariables(service: ServiceName, pod: PodSpec, specs: OptionSpecs): string[] {
  const container = pod.containers[0];
  if (container === undefined) return ['(no container)'];
  const given = variablesOf(service, container);
  return optionList(specs)
    .map((spec) => spec.env)
    .filter((env) => !given.has(env) && !deliveredByFile(env, pod, service));
}

describe('Deployments', () => {
  it.each(Workloads.map((workload) => [workload.name, workload] as const))(
    '%s gives its container every variable its app reads',
    (_name, workload) => {
      const pod = podOf(deployment(workload, optionsOf(workload.service)));
      expect(missingVariables(workload.service, pod, optionsOf(workload.service))).toEqual([]);
    },
  );

  it('notices a variable the Deployment leaves out', () => {
    const workload = Workloads[0];
    const pod = podOf(deployment(workload, optionsOf(workload.service)));
    const container = pod.containers[0];
    if (container === undefined) throw new Error('no container');
    const withNew: OptionSpecs = {
      ...optionsOf(workload.service),
      added: { env: 'FERRY_NOT_DEPLOYED', description: 'x', default: '', parse: String },
    };
    expect(missingVariables(workload.service, pod, withNew)).toEqual(['FERRY_NOT_DEPLOYED']);
  });

  it('keeps credentials out of the ConfigMaps', () => {
    for (const [service, specs] of options) {
      const plan = environmentPlan(service, specs);
      const credentials = optionList(specs)
        .filter(isCredential)
        .map((spec) => spec.env);
      expect(credentials.filter((env) => env in plan.configMap)).toEqual([]);
      // Named like a credential: must be handled as one (a new ODOO_PASSWORD must not slip in).
      const lookLikeCredentials = Object.keys(plan.configMap).filter(
        (env) => /PASSWORD|TOKEN|SECRET|API_KEY|_KEY$/.test(env) && !env.endsWith('_FILE'),
      );
      expect([service, lookLikeCredentials]).toEqual([service, []]);
    }
  });

  it.each(Workloads.map((workload) => [workload.name, workload] as const))(
    '%s may take longer to stop than its drain after the preStop sleep',
    (_name, workload) => {
      const pod = podOf(deployment(workload, optionsOf(workload.service)));
      const drain = drainMs(workload, optionsOf(workload.service));
      expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThanOrEqual(
        PRE_STOP_SLEEP_SECONDS * 1000 + drain,
      );
    },
  );

  it('sets FERRY_ROLE on each half of a split app', () => {
    for (const workload of Workloads.filter((w) => 'role' in w)) {
      const pod = podOf(deployment(workload, optionsOf(workload.service)));
      const role = pod.containers[0]?.env.find((entry) => entry.name === 'FERRY_ROLE');
      expect([workload.name, role?.value]).toEqual([workload.name, workload.role]);
    }
  });
});

describe('migrate Jobs', () => {
  it('give the migrate step every variable it reads', () => {
    for (const service of options.keys()) {
      const pod = podOf(migrateJob(service));
      const names = new Set(pod.containers[0]?.env.map((entry) => entry.name));
      expect(optionList(migrateOptions).filter((spec) => !names.has(spec.env))).toEqual([]);
    }
  });
});

describe('rollouts', () => {
  /** What a rollout of `name` may do at once, and how long each new pod must stay ready. */
  const rolloutOf = (name: string) => {
    const workload = Workloads.find((candidate) => candidate.name === name);
    if (workload === undefined) throw new Error(name);
    const spec = deployment(workload, optionsOf(workload.service))['spec'] as {
      strategy: { rollingUpdate: { maxSurge: number; maxUnavailable: number } };
      minReadySeconds?: number;
    };
    return { ...spec.strategy.rollingUpdate, minReadySeconds: spec.minReadySeconds ?? 0 };
  };

  it.each(Workloads.filter((w) => w.traffic === 'consumer').map((w) => w.name))(
    '%s replaces one pod per settled rebalance',
    (name) => {
      const rollout = rolloutOf(name);
      expect({ maxSurge: rollout.maxSurge, maxUnavailable: rollout.maxUnavailable }).toEqual({
        maxSurge: 1,
        maxUnavailable: 0,
      });
      expect(rollout.minReadySeconds).toBeGreaterThanOrEqual(10);
    },
  );
});
