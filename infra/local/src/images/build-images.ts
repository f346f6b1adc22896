import { join } from 'node:path';
import { repoRoot } from '../paths';
import { BASE_IMAGES } from './base-images';
import type { ContainerStore } from './container-store';
import { imageRepository, type ImageMetadata } from './image-metadata';
import { runToolOrFail } from './run-tool';

export const CONTAINERFILE = join(repoRoot, 'infra', 'images', 'Containerfile');

export interface BuiltImage {
  readonly app: string;
  readonly tags: readonly string[];
  readonly sizeBytes: number;
  readonly buildMs: number;
  /** Build steps, and how many of them the layer cache answered. */
  readonly steps: number;
  readonly cachedSteps: number;
}

/**
 * The CA file npm on this machine trusts beyond the system's (a TLS-intercepting proxy), handed
 * to the build as a secret so that `npm ci` inside it trusts the same.
 */
function extraCaFile(): string | undefined {
  return process.env['NODE_EXTRA_CA_CERTS'] ?? process.env['npm_config_cafile'];
}

/** A build's lines worth showing: the install's count and what the prune kept per app. */
function isProgress(line: string): boolean {
  return /^prune:|^added \d+ packages/.test(line);
}

/** Steps of a build output, and how many of them came from the layer cache. */
function cacheUse(output: string): { steps: number; cached: number } {
  return {
    steps: output.match(/^\[\d+\/\d+\] STEP/gm)?.length ?? 0,
    cached: output.match(/^--> Using cache/gm)?.length ?? 0,
  };
}

export function tagsOf(app: string, metadata: ImageMetadata): string[] {
  const repository = imageRepository(app);
  return [
    `${repository}:${metadata.version}`,
    ...(metadata.shortRevision === undefined ? [] : [`${repository}:${metadata.shortRevision}`]),
  ];
}

/**
 * Builds one app's image from the Containerfile on Ferry's bases. Layers are cached
 * (`--layers`): the shared build stage runs for the first app only, and again only when the
 * sources change.
 */
export async function buildImage(
  store: ContainerStore,
  app: string,
  metadata: ImageMetadata,
  log: (line: string) => void,
): Promise<BuiltImage> {
  const tags = tagsOf(app, metadata);
  const ca = extraCaFile();
  const buildArgs = {
    BUILD_IMAGE: BASE_IMAGES.build.name,
    RUNTIME_IMAGE: BASE_IMAGES.runtime.name,
    APP: app,
    VERSION: metadata.version,
    REVISION: metadata.revision,
    CREATED: metadata.created,
    SOURCE: metadata.source,
  };
  const started = Date.now();
  const output = await runToolOrFail(
    'buildah',
    [
      'build',
      '--layers',
      // The sandbox's network namespace, as on the host: npm reaches the registry as npm here does.
      '--network',
      'host',
      ...(ca === undefined ? [] : ['--secret', `id=npm-ca,src=${ca}`]),
      '--file',
      CONTAINERFILE,
      ...Object.entries(buildArgs).flatMap(([name, value]) => ['--build-arg', `${name}=${value}`]),
      ...tags.flatMap((tag) => ['--tag', tag]),
      repoRoot,
    ],
    {
      env: store.env,
      cwd: repoRoot,
      onLine: (line) => {
        if (isProgress(line)) log(`    ${line}`);
      },
    },
  );
  const buildMs = Date.now() - started;
  const size = await runToolOrFail(
    'podman',
    ['image', 'inspect', '--format', '{{.Size}}', tags[0] ?? ''],
    {
      env: store.env,
    },
  );
  const { steps, cached } = cacheUse(output);
  return { app, tags, sizeBytes: Number(size.trim()), buildMs, steps, cachedSteps: cached };
}

export function imageTable(images: readonly BuiltImage[]): string[] {
  const rows = images.map((image) => [
    image.tags.join(', '),
    (image.sizeBytes / 1e6).toFixed(1),
    (image.buildMs / 1000).toFixed(1),
    `${image.cachedSteps}/${image.steps}`,
  ]);
  const header = ['image', 'size (MB)', 'build (s)', 'cached steps'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  return [line(header), ...rows.map(line)];
}
