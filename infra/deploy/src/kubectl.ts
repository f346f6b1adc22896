import { spawnSync } from 'node:child_process';

/** kustomize v5 (kubectl 1.27+) understands every field the generated kustomizations use. */
const MIN_KUSTOMIZE_MAJOR = 5;

export class KubectlMissingError extends Error {
  override readonly name = 'KubectlMissingError';
}

function kustomizeMajor(): number | undefined {
  const result = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  if (result.error !== undefined || result.status !== 0) return undefined;
  const match = /Kustomize Version: v(\d+)/.exec(result.stdout);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

function aptCandidate(name: string): string | undefined {
  const result = spawnSync('apt-cache', ['policy', name], { encoding: 'utf8' });
  if (result.error !== undefined || result.status !== 0) return undefined;
  const candidate = /Candidate: (\S+)/.exec(result.stdout)?.[1];
  return candidate === undefined || candidate === '(none)' ? undefined : candidate;
}

/**
 * A kubectl whose kustomize renders the overlays. When there is none and apt offers `kubectl`
 * (the Kubernetes apt repository, pkgs.k8s.io, is configured) it is installed as root, saying so,
 * the way the bootstrap installs openssl. Debian 12's own archive has no `kubectl`, and its
 * `kubernetes-client` (1.20) bundles kustomize v2, too old for these files: it is not used.
 */
export function ensureKubectl(log: (line: string) => void): void {
  const major = kustomizeMajor();
  if (major !== undefined && major >= MIN_KUSTOMIZE_MAJOR) return;
  const candidate = aptCandidate('kubectl');
  if (major === undefined && candidate !== undefined && process.getuid?.() === 0) {
    log(`installing kubectl ${candidate} (apt-get install -y kubectl) to render the overlays`);
    const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'kubectl'], {
      stdio: 'inherit',
    });
    const installed = kustomizeMajor();
    if (install.status === 0 && installed !== undefined && installed >= MIN_KUSTOMIZE_MAJOR) return;
  }
  throw new KubectlMissingError(
    (major === undefined
      ? 'kubectl is needed to render the overlays (kubectl kustomize)'
      : `this kubectl bundles kustomize v${major}; v${MIN_KUSTOMIZE_MAJOR} or newer is needed`) +
      ': install kubectl 1.27 or newer (Debian: add the apt repository of pkgs.k8s.io, then ' +
      '`apt-get install kubectl`; Debian’s own kubernetes-client is too old)',
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
