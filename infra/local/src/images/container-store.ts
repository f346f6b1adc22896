import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTool } from './run-tool';

/**
 * Ferry's own podman/buildah setup, all of it under `<FERRY_HOME>/containers` (so deleting the
 * Ferry home removes every image, layer and container), selected by environment variables
 * rather than by editing /etc/containers.
 */
export interface ContainerStore {
  /** The environment every podman and buildah call gets. */
  readonly env: NodeJS.ProcessEnv;
  readonly driver: StorageDriver;
}

type StorageDriver = 'overlay' | 'vfs';

/**
 * runc rather than crun, and no default ulimits: crun cannot set rlimits or use the cgroup v1
 * hierarchy of the machines Ferry is developed on. cgroupfs because there is no systemd session.
 */
function containersConf(root: string): string {
  return [
    '[containers]',
    'default_ulimits = []',
    '',
    '[engine]',
    'runtime = "runc"',
    'cgroup_manager = "cgroupfs"',
    'events_logger = "file"',
    `tmp_dir = "${join(root, 'tmp')}"`,
    '',
  ].join('\n');
}

function storageConf(root: string, driver: StorageDriver): string {
  return [
    '[storage]',
    `driver = "${driver}"`,
    `graphroot = "${join(root, `storage-${driver}`)}"`,
    `runroot = "${join(root, `run-${driver}`)}"`,
    '',
  ].join('\n');
}

function storeOf(root: string, driver: StorageDriver): ContainerStore {
  const storageFile = join(root, `storage-${driver}.conf`);
  writeFileSync(storageFile, storageConf(root, driver));
  return {
    driver,
    env: {
      ...process.env,
      CONTAINERS_CONF: join(root, 'containers.conf'),
      CONTAINERS_STORAGE_CONF: storageFile,
      // buildah keeps RUN --mount=type=cache folders (the npm cache) under the temporary folder.
      TMPDIR: join(root, 'tmp'),
    },
  };
}

/**
 * Writes the configuration and picks the storage driver: overlay (layers stored as
 * differences) where the kernel allows it, else vfs, which copies every layer in full (slower,
 * larger, but works everywhere). Each driver has its own storage folder.
 */
export async function openContainerStore(
  home: string,
  log: (line: string) => void,
): Promise<ContainerStore> {
  const root = join(home, 'containers');
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(join(root, 'containers.conf'), containersConf(root));
  const overlay = storeOf(root, 'overlay');
  const probe = await runTool('podman', ['info', '--format', '{{.Store.GraphDriverName}}'], {
    env: overlay.env,
  });
  if (probe.exitCode === 0 && probe.output.trim() === 'overlay') return overlay;
  log(`overlay storage unavailable here, using vfs (slower): ${probe.output.trim().slice(-300)}`);
  return storeOf(root, 'vfs');
}
