import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrateOptions } from '@ferry/service-host';
import { optionList } from './app-options';
import { databaseSchemaOf, migrateCredentialsSecret, runtimeRoleOf } from './environment';
import { labelsOf, type Manifest } from './manifest';
import { repoRoot } from './paths';
import { containerSecurityContext, imageOf, podSecurityContext } from './pod-spec';
import type { ServiceName } from './workloads';

/** The release the manifests are generated for: the root package.json's version. */
export function releaseVersion(): string {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  return version;
}

/** Jobs are immutable: each release has its own, so a new image means a new Job. */
export function migrateJobName(service: ServiceName, version = releaseVersion()): string {
  return `${service}-migrate-${version.replaceAll(/[^a-z0-9]+/g, '-')}`;
}

export const MigrateServiceAccount = 'ferry-migrate';

/** Values of the migrate step's variables; DATABASE_URL (the migrate role's) is a Secret. */
function migrateValues(service: ServiceName): Record<string, string> {
  return {
    FERRY_DB_SCHEMA: databaseSchemaOf(service),
    FERRY_DB_RUNTIME_ROLE: runtimeRoleOf(service),
  };
}

export function migrateServiceAccount(): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: MigrateServiceAccount, labels: labelsOf('ferry-migrate', 'migrate') },
    automountServiceAccountToken: false,
  };
}

/**
 * The service's migrate step (`node dist/main.js migrate`: its image with the argument
 * `migrate`) as the migrate role, before the services start: with Argo CD as a PreSync hook;
 * with kubectl, `kubectl apply -k overlays/<env>/migrate`, then
 * `kubectl -n ferry wait --for=condition=complete job/<name>`, then the overlay itself.
 * Applying the overlay again later leaves a completed Job of the same release unchanged.
 */
export function migrateJob(service: ServiceName): Manifest {
  const values = migrateValues(service);
  const env = optionList(migrateOptions).map((spec) =>
    spec.env === 'DATABASE_URL'
      ? {
          name: spec.env,
          valueFrom: { secretKeyRef: { name: migrateCredentialsSecret(service), key: spec.env } },
        }
      : { name: spec.env, value: values[spec.env] ?? String(spec.default) },
  );
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: migrateJobName(service),
      labels: labelsOf(`${service}-migrate`, 'migrate'),
      annotations: {
        'argocd.argoproj.io/hook': 'PreSync',
        'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
      },
    },
    spec: {
      backoffLimit: 3,
      activeDeadlineSeconds: 900,
      template: {
        metadata: { labels: labelsOf(`${service}-migrate`, 'migrate') },
        spec: {
          restartPolicy: 'Never',
          serviceAccountName: MigrateServiceAccount,
          automountServiceAccountToken: false,
          securityContext: podSecurityContext,
          containers: [
            {
              name: 'migrate',
              image: imageOf(service),
              args: ['migrate'],
              env,
              resources: {
                requests: { cpu: '50m', memory: '128Mi' },
                limits: { cpu: '500m', memory: '256Mi' },
              },
              securityContext: containerSecurityContext,
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            },
          ],
          volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '16Mi' } }],
        },
      },
    },
  };
}
