import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths';
import { runTool } from './run-tool';

/** What an image says about its origin (OCI labels) and the tags it gets. */
export interface ImageMetadata {
  /** The root package.json version. */
  readonly version: string;
  /** The commit, with `-dirty` when the working tree has uncommitted changes. */
  readonly revision: string;
  /** The short commit (with `-dirty`), the second tag of every image. */
  readonly shortRevision: string | undefined;
  /** The commit's time: a rebuild of the same commit yields the same labels (and cache). */
  readonly created: string;
  /** The git remote `origin`, when there is one. */
  readonly source: string;
}

async function git(args: readonly string[]): Promise<string | undefined> {
  try {
    const result = await runTool('git', args, { cwd: repoRoot });
    return result.exitCode === 0 ? result.output.trim() : undefined;
  } catch {
    return undefined;
  }
}

export async function readImageMetadata(): Promise<ImageMetadata> {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    version?: unknown;
  };
  const version = typeof manifest.version === 'string' ? manifest.version : '0.0.0-dev';
  const commit = await git(['rev-parse', 'HEAD']);
  const dirty = ((await git(['status', '--porcelain'])) ?? '') !== '' ? '-dirty' : '';
  const short = await git(['rev-parse', '--short', 'HEAD']);
  return {
    version,
    revision: commit === undefined ? 'unknown' : `${commit}${dirty}`,
    shortRevision: short === undefined ? undefined : `${short}${dirty}`,
    created: (await git(['log', '-1', '--format=%cI'])) ?? new Date().toISOString(),
    source: (await git(['remote', 'get-url', 'origin'])) ?? '',
  };
}

/** Every deployable app: each folder of apps/ with a package.json gets an image. */
export function imageApps(): string[] {
  return readdirSync(join(repoRoot, 'apps'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(repoRoot, 'apps', name, 'package.json')))
    .sort();
}

/** `localhost/ferry/<app>`: the repository part of every tag of an app's image. */
export function imageRepository(app: string): string {
  return `localhost/ferry/${app}`;
}
