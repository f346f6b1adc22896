import { baseObjects, optionsByService } from './layout';
import { validateObject, type ModelRegistry } from './validate';

/**
 * The base's objects against their schemas, here for the models Jest can load (CommonJS);
 * Strimzi's, an ES module, are validated by the generate-check after rendering.
 */
function commonJsRegistry(): ModelRegistry {
  const registry = new Map<string, unknown>();
  const modules = [
    'kubernetes-models/v1',
    'kubernetes-models/apps/v1',
    'kubernetes-models/policy/v1',
    'kubernetes-models/networking.k8s.io/v1',
    'kubernetes-models/autoscaling/v2',
    '@kubernetes-models/keda/keda.sh/v1alpha1',
    '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
  ].map((name) => jest.requireActual<Record<string, unknown>>(name));
  for (const module of modules)
    for (const value of Object.values(module)) {
      const model = value as { apiVersion?: unknown; kind?: unknown };
      if (typeof value === 'function' && typeof model.apiVersion === 'string')
        registry.set(`${model.apiVersion}/${String(model.kind)}`, value);
    }
  return registry as ModelRegistry;
}

describe('base objects', () => {
  it('are valid against their schemas', () => {
    const registry = commonJsRegistry();
    const objects = [...baseObjects(optionsByService()).values()]
      .flat()
      .filter((object) => !object.apiVersion.startsWith('kafka.strimzi.io/'));
    expect(objects.flatMap((object) => validateObject(registry, object))).toEqual([]);
  });
});
