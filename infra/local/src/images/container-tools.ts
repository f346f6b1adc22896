import { ToolMissingError } from '../errors';
import { runTool } from './run-tool';

/**
 * What building and running images takes on a machine without a Docker engine: buildah builds,
 * podman runs (both daemonless), runc is their OCI runtime, mmdebstrap makes the Debian base
 * images from the distribution's own packages, uidmap holds the id-mapping helpers they expect.
 */
const PACKAGES = ['buildah', 'podman', 'runc', 'mmdebstrap', 'uidmap'];
const PROBES: readonly (readonly [string, string])[] = [
  ['buildah', '--version'],
  ['podman', '--version'],
  ['runc', '--version'],
  ['mmdebstrap', '--version'],
];

async function answers(command: string, flag: string): Promise<boolean> {
  try {
    return (await runTool(command, [flag])).exitCode === 0;
  } catch {
    return false;
  }
}

async function missingTools(): Promise<string[]> {
  const found = await Promise.all(PROBES.map(([command, flag]) => answers(command, flag)));
  return PROBES.filter((_, index) => found[index] !== true).map(([command]) => command);
}

/**
 * Installs the container tools from apt when any is missing (as bootstrap.mjs does for
 * openssl): root and apt-get are needed for that, otherwise the error says what to install.
 */
export async function ensureContainerTools(log: (line: string) => void): Promise<void> {
  const missing = await missingTools();
  if (missing.length === 0) return;
  const install = `apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`;
  const root = process.getuid?.() === 0;
  if (!root || !(await answers('apt-get', '--version')))
    throw new ToolMissingError(
      `${missing.join(', ')} not found: building Ferry's images needs ${PACKAGES.join(', ')}`,
      `Install them as root (Debian/Ubuntu: ${install}), then run this again`,
    );
  log(`installing ${PACKAGES.join(', ')} for the image build (${install})`);
  let result = await runTool('apt-get', install.split(' ').slice(1), { onLine: log });
  // A fresh machine may not have package lists yet.
  if (result.exitCode !== 0) {
    log('apt-get install failed; updating the package lists and trying again');
    await runTool('apt-get', ['update'], { onLine: log });
    result = await runTool('apt-get', install.split(' ').slice(1), { onLine: log });
  }
  const still = await missingTools();
  if (result.exitCode !== 0 || still.length > 0)
    throw new ToolMissingError(
      `could not install ${still.join(', ') || PACKAGES.join(', ')} (apt-get exit ${result.exitCode})`,
      `Install them by hand: ${install}`,
    );
}
