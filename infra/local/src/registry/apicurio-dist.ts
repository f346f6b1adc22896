import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCachedDir } from '../cache/cached-dir';
import { LocalInfraError } from '../errors';
import { copyArtifact } from '../tools/maven';
import { runCommand } from '../tools/run-command';

export interface ApicurioDist {
  readonly version: string;
  readonly jar: string;
  readonly downloaded: boolean;
}

/**
 * The runnable jar of an extracted `apicurio-registry-app-<v>-all.tar.gz`. Releases differ:
 * 3.0.x ship `<name>-runner.jar` beside `lib/`, later ones Quarkus' fast-jar `quarkus-run.jar`,
 * at the top or under `quarkus-app/`.
 */
export function findRunnableJar(directory: string): string | undefined {
  const top = safeList(directory);
  const runner = top.find((name) => name.endsWith('-runner.jar'));
  if (runner !== undefined) return join(directory, runner);
  for (const candidate of [
    join(directory, 'quarkus-run.jar'),
    join(directory, 'quarkus-app', 'quarkus-run.jar'),
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Downloads and extracts Apicurio Registry from Maven Central once per version. */
export async function ensureApicurio(
  version: string,
  cacheRoot: string,
  onDownload: () => void = () => undefined,
): Promise<ApicurioDist> {
  const artifact = `io.apicurio:apicurio-registry-app:${version}:tar.gz:all`;
  const { directory, downloaded } = await ensureCachedDir(
    join(cacheRoot, `apicurio-registry-${version}`),
    async (scratch) => {
      const download = join(scratch, '.download');
      await copyArtifact(artifact, download, scratch);
      const archive = safeList(download).find((name) => name.endsWith('.tar.gz'));
      if (archive === undefined) throw new LocalInfraError(`Maven did not deliver ${artifact}`);
      const result = await runCommand('tar', ['-xzf', join(download, archive), '-C', scratch], {
        timeoutMs: 600_000,
      });
      if (result === undefined || result.exitCode !== 0) {
        throw new LocalInfraError(
          `Extracting ${archive} failed: ${result?.output.trim() ?? 'tar could not be run'}`,
        );
      }
      rmSync(download, { recursive: true, force: true });
      if (findRunnableJar(scratch) === undefined)
        throw new LocalInfraError(`No runnable jar in ${artifact}`);
    },
    onDownload,
  );
  const jar = findRunnableJar(directory);
  if (jar === undefined)
    throw new LocalInfraError(
      `No runnable jar in ${directory}`,
      'Run `reset` and delete that folder.',
    );
  return { version, jar, downloaded };
}

function safeList(directory: string): string[] {
  try {
    return readdirSync(directory);
  } catch {
    return [];
  }
}
