import { FerryError } from '@ferry/failures';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

/** kustomize v5 (kubectl 1.27+) understands every field the generated kustomizations use. */
const MIN_KUSTOMIZE_MAJOR = 5;

export class KubectlMissingError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'permanent', options);
  }
}

function kustomizeMajor(): number | undefined {
  const result = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (result.error !== undefined || result.status !== 0) return undefined;
  const match = /Kustomize Version: v(\d+)/.exec(result.stdout);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

/**
 * Debian 13's kubectl (1.32, kustomize v5): Debian 12 has none (its `kubernetes-client` 1.20
 * bundles kustomize v2, too old for these files), but Debian 13's needs only libc6 ≥ 2.34, which
 * Debian 12 has. apt reads Debian 13's index from a source list of the project's own (under
 * `.ferry/apt`, signed by the Debian archive keyring like any other), so the machine's own
 * sources are left as they are and nothing else comes from Debian 13.
 */
function installDebianKubectl(log: (line: string) => void): boolean {
  const home = join(repoRoot, '.ferry', 'apt', 'trixie');
  const sources = join(home, 'sources');
  mkdirSync(join(home, 'lists', 'partial'), { recursive: true });
  mkdirSync(sources, { recursive: true });
  writeFileSync(
    join(sources, 'debian-trixie.sources'),
    [
      'Types: deb',
      'URIs: http://deb.debian.org/debian',
      'Suites: trixie',
      'Components: main',
      'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg',
      '',
    ].join('\n'),
  );
  const apt = [
    '-o',
    'Dir::Etc::SourceList=/dev/null',
    '-o',
    `Dir::Etc::SourceParts=${sources}`,
    '-o',
    `Dir::State::Lists=${join(home, 'lists')}`,
  ];
  log(
    'installing kubectl from Debian 13 (apt-get install kubectl, from deb.debian.org trixie) ' +
      'to render the overlays',
  );
  const run = (args: string[]) => spawnSync('apt-get', [...apt, ...args], { stdio: 'inherit' });
  return (
    run(['update', '-q']).status === 0 &&
    run(['install', '-y', '-q', '--no-install-recommends', 'kubectl']).status === 0
  );
}

/**
 * A kubectl whose kustomize renders the overlays. When there is none, it is installed as root
 * from Debian 13's archive, saying so, the way the bootstrap installs openssl.
 */
export function ensureKubectl(log: (line: string) => void): void {
  const major = kustomizeMajor();
  if (major !== undefined && major >= MIN_KUSTOMIZE_MAJOR) return;
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (major === undefined && apt && process.getuid?.() === 0 && installDebianKubectl(log)) {
    const installed = kustomizeMajor();
    if (installed !== undefined && installed >= MIN_KUSTOMIZE_MAJOR) return;
  }
  throw new KubectlMissingError(
    (major === undefined
      ? 'kubectl is needed to render the overlays (kubectl kustomize)'
      : `this kubectl bundles kustomize v${major}; v${MIN_KUSTOMIZE_MAJOR} or newer is needed`) +
      ': install kubectl 1.27 or newer (as root on Debian, this check installs Debian 13’s; ' +
      'Debian 12’s own kubernetes-client is too old)',
  );
}

/** `kubectl kustomize <dir>`: the overlay's objects as YAML. */
export function kustomize(dir: string): string {
  const result = spawnSync('kubectl', ['kustomize', dir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0)
    throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr.trim()}`);
  return result.stdout;
}
