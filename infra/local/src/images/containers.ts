import type { ContainerStore } from './container-store';
import { runTool, runToolOrFail } from './run-tool';

/**
 * How the image test runs a container, as Kubernetes would with a restricted security context:
 * a numeric non-root user, a read-only root file system with no writable /tmp either, no
 * capabilities, no privilege escalation. The host's network, so that the services reach the
 * local Kafka, registry and Postgres on 127.0.0.1 as the tests' own processes do.
 */
export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly env: Readonly<Record<string, string>>;
  readonly args?: readonly string[];
  /** host folder → container folder, mounted read-only (a Secret's files, say). */
  readonly mounts?: Readonly<Record<string, string>>;
}

export const CONTAINER_USER = '10001:10001';

function runArgs(spec: ContainerSpec): string[] {
  return [
    '--name',
    spec.name,
    '--network',
    'host',
    '--read-only',
    '--read-only-tmpfs=false',
    '--user',
    CONTAINER_USER,
    '--cap-drop',
    'all',
    '--security-opt',
    'no-new-privileges',
    ...Object.entries(spec.mounts ?? {}).flatMap(([from, to]) => ['--volume', `${from}:${to}:ro`]),
    ...Object.entries(spec.env).flatMap(([name, value]) => ['--env', `${name}=${value}`]),
    spec.image,
    ...(spec.args ?? []),
  ];
}

export class Containers {
  private readonly names = new Set<string>();

  constructor(private readonly store: ContainerStore) {}

  /** Runs a container to its end (a Job: `migrate`, an ops command); its exit code and output. */
  async runToEnd(spec: ContainerSpec): Promise<{ exitCode: number; output: string }> {
    this.names.add(spec.name);
    return runTool('podman', ['run', ...runArgs(spec)], { env: this.store.env });
  }

  /** Starts a long-running container in the background. */
  async start(spec: ContainerSpec): Promise<void> {
    this.names.add(spec.name);
    await runToolOrFail('podman', ['run', '--detach', ...runArgs(spec)], { env: this.store.env });
  }

  async isRunning(name: string): Promise<boolean> {
    const state = await runTool('podman', ['inspect', '--format', '{{.State.Running}}', name], {
      env: this.store.env,
    });
    return state.exitCode === 0 && state.output.trim() === 'true';
  }

  /**
   * `podman stop`: the image's stop signal (SIGTERM), then SIGKILL after `graceSeconds`, as the
   * kubelet does. Returns the exit code and how long the stop took.
   */
  async stop(name: string, graceSeconds: number): Promise<{ exitCode: number; stopMs: number }> {
    const started = Date.now();
    await runToolOrFail('podman', ['stop', '--time', String(graceSeconds), name], {
      env: this.store.env,
    });
    const stopMs = Date.now() - started;
    const code = await runToolOrFail(
      'podman',
      ['inspect', '--format', '{{.State.ExitCode}}', name],
      {
        env: this.store.env,
      },
    );
    return { exitCode: Number(code.trim()), stopMs };
  }

  async logs(name: string, lines = 40): Promise<string> {
    const result = await runTool('podman', ['logs', '--tail', String(lines), name], {
      env: this.store.env,
    });
    return result.output;
  }

  /** Removes every container this object started, running or not. */
  async removeAll(): Promise<void> {
    const names = [...this.names];
    this.names.clear();
    if (names.length > 0)
      await runTool('podman', ['rm', '--force', '--time', '0', ...names], { env: this.store.env });
  }
}
