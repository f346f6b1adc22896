import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerStore } from './container-store';
import { runTool, runToolOrFail } from './run-tool';

/**
 * The two base images, made here from Debian's own packages with mmdebstrap (no registry
 * needed): Node and npm for the build stage, Node alone (and the CA bundle, for TLS to Kafka
 * and the registry) for the runtime. Debian 13 ships Node 20.19, Ferry's minimum.
 */
export interface BaseImage {
  readonly name: string;
  readonly packages: readonly string[];
}

const SUITE = 'trixie';

export const BASE_IMAGES = {
  build: { name: `localhost/ferry/base-build:${SUITE}`, packages: ['nodejs', 'npm'] },
  runtime: {
    name: `localhost/ferry/base-runtime:${SUITE}`,
    packages: ['nodejs', 'ca-certificates'],
  },
} as const satisfies Record<string, BaseImage>;

/** Manuals, translations and docs are left out; the packages' copyright files are kept. */
const DPKG_OPTIONS = [
  'path-exclude=/usr/share/man/*',
  'path-exclude=/usr/share/locale/*',
  'path-exclude=/usr/share/info/*',
  'path-exclude=/usr/share/doc/*',
  'path-include=/usr/share/doc/*/copyright',
];

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function tarballOf(cacheDir: string, base: BaseImage): string {
  return join(cacheDir, `${base.name.split('/').pop()?.replace(':', '-') ?? 'base'}.tar`);
}

/** The root file system as a tar, made once and kept in the cache (delete it to refresh). */
async function ensureTarball(
  cacheDir: string,
  base: BaseImage,
  log: (line: string) => void,
): Promise<string> {
  const tarball = tarballOf(cacheDir, base);
  if (existsSync(tarball)) return tarball;
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${tarball}.partial`;
  rmSync(partial, { force: true });
  log(`making ${base.name}: mmdebstrap ${SUITE} with ${base.packages.join(', ')}`);
  const started = Date.now();
  await runToolOrFail('mmdebstrap', [
    '--variant=minbase',
    // The output's name ends in .partial until it is complete: the format cannot come from it.
    '--format=tar',
    `--include=${base.packages.join(',')}`,
    ...DPKG_OPTIONS.map((option) => `--dpkgopt=${option}`),
    SUITE,
    partial,
  ]);
  renameSync(partial, tarball);
  log(`  ${tarball} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return tarball;
}

/** Makes (or finds) both base images in Ferry's container store. */
export async function ensureBaseImages(
  store: ContainerStore,
  cacheDir: string,
  log: (line: string) => void,
): Promise<void> {
  for (const base of Object.values(BASE_IMAGES)) {
    const exists = await runTool('podman', ['image', 'exists', base.name], { env: store.env });
    if (exists.exitCode === 0) continue;
    const tarball = await ensureTarball(cacheDir, base, log);
    log(`importing ${base.name}`);
    await runToolOrFail(
      'podman',
      ['import', '--quiet', '--change', `ENV PATH=${PATH}`, tarball, base.name],
      { env: store.env },
    );
  }
}
