/**
 * A Kubernetes object as written. Builders return plain data; the check validates every rendered
 * object against its kind's schema (validate.ts), the unit tests the objects of the base.
 */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly [field: string]: unknown;
}

export const Namespace = 'ferry';

/** Labels of everything Ferry deploys; `name` is also the pods' selector. */
export function labelsOf(name: string, component: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': 'ferry',
  };
}

export function selectorOf(name: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name };
}

/** A typed model's object (an interface, so without an index signature) as a Manifest. */
export function asManifest(object: {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string };
}): Manifest {
  return { ...object };
}
