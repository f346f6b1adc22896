import { join } from 'node:path';

/** The repository root: this file is infra/deploy/{src,dist}/paths.{ts,js}. */
export const repoRoot = join(__dirname, '..', '..', '..');

/** Where the generated manifests are committed. */
export const manifestsDir = join(repoRoot, 'infra', 'k8s');

export const appsDir = join(repoRoot, 'apps');
