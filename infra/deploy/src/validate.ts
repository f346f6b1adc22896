/**
 * Schema validation of rendered objects with the models' own `validate()`: Kubernetes
 * (kubernetes-models), KEDA, Prometheus Operator and Strimzi. A kind no model knows is an error:
 * a manifest nobody can check is not shipped.
 */
interface ModelClass {
  readonly apiVersion: string;
  readonly kind: string;
  new (data: unknown): { validate(): void };
}

export type ModelRegistry = ReadonlyMap<string, ModelClass>;

/** Model modules in CommonJS form (the Kubernetes groups Ferry uses, KEDA, Prometheus Operator). */
const commonJsModules = [
  'kubernetes-models/v1',
  'kubernetes-models/apps/v1',
  'kubernetes-models/batch/v1',
  'kubernetes-models/policy/v1',
  'kubernetes-models/networking.k8s.io/v1',
  'kubernetes-models/autoscaling/v2',
  '@kubernetes-models/keda/keda.sh/v1alpha1',
  '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
];

/**
 * The Strimzi models are published as ES modules only (and declare Node 22), yet load on Node 20
 * through a dynamic import, which TypeScript keeps as `import()` in this CommonJS build.
 */
const strimziModule = '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1';

export async function loadModels(): Promise<ModelRegistry> {
  const modules: unknown[] = commonJsModules.map(
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (name) => require(name) as unknown,
  );
  modules.push(await import(strimziModule));
  const registry = new Map<string, ModelClass>();
  for (const module of modules)
    for (const value of Object.values(module as Record<string, unknown>))
      if (isModelClass(value)) registry.set(`${value.apiVersion}/${value.kind}`, value);
  return registry;
}

function isModelClass(value: unknown): value is ModelClass {
  if (typeof value !== 'function') return false;
  const model = value as unknown as Record<string, unknown>;
  return typeof model['apiVersion'] === 'string' && typeof model['kind'] === 'string';
}

/** Problems of one object: its kind unknown, or what its schema rejects. */
export function validateObject(registry: ModelRegistry, object: unknown): string[] {
  const { apiVersion, kind, metadata } = object as {
    apiVersion?: string;
    kind?: string;
    metadata?: { name?: string };
  };
  const id = `${apiVersion ?? '?'}/${kind ?? '?'}`;
  const where = `${id} ${metadata?.name ?? '(no name)'}`;
  const model = registry.get(id);
  if (model === undefined) return [`${where}: no schema for this kind`];
  try {
    new model(object).validate();
    return [];
  } catch (error: unknown) {
    return [`${where}: ${error instanceof Error ? error.message : String(error)}`];
  }
}
