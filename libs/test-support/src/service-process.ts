import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { freePort } from './free-port';
import { localIngressIssuer } from './ingress-issuer';
import { waitFor } from './wait-for';

const repoRoot = resolve(__dirname, '..', '..', '..');

export interface RunningService {
  readonly url: string;
  /** Where its health and metrics are: `url`, or its FERRY_OPS_PORT when one was given. */
  readonly opsUrl: string;
  readonly pid: number;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** SIGTERM and wait for exit (graceful shutdown). */
  stop(): Promise<number | null>;
  /** SIGKILL: no shutdown hooks run, like a crashed pod. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /**
   * The environment of the migrate step run before the service (`main.js migrate`), on top of
   * the service's; `false` skips the step (the schema is migrated already, or must not be).
   */
  readonly migrate?: Readonly<Record<string, string>> | false;
  /** Node's own options for the service (`--cpu-prof`, which NODE_OPTIONS may not carry). */
  readonly nodeArgs?: readonly string[];
}

const mainOf = (name: string): string => resolve(repoRoot, 'apps', name, 'dist', 'main.js');

/**
 * Runs a built Ferry app's migrate step (`apps/<name>/dist/main.js migrate`) to its end, as a
 * Kubernetes Job would; throws with its output when it fails.
 */
export async function migrateService(
  name: string,
  env: Readonly<Record<string, string>>,
): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [mainOf(name), 'migrate'], {
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
  } catch (error: unknown) {
    const output = error instanceof Error && 'stderr' in error ? String(error.stderr) : '';
    throw new Error(`${name} migrate failed: ${output.slice(-2000) || String(error)}`);
  }
}

/**
 * Starts a built Ferry app (`apps/<name>/dist/main.js`) as its own process on a free port and
 * waits until it reports ready, after its migrate step (services do not migrate their schema
 * themselves). Tests run the same artefact, and the same two steps, as production, authentication
 * included: the service trusts this process's local issuer (callers send `localAuthorization()`)
 * unless `env` names FERRY_AUTH_* of its own.
 */
export async function startService(
  name: string,
  env: Readonly<Record<string, string>>,
  options: StartOptions = {},
): Promise<RunningService> {
  if (options.migrate !== false) await migrateService(name, { ...env, ...options.migrate });
  const port = await freePort();
  const issuer = await localIngressIssuer();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), mainOf(name)], {
    env: { ...process.env, ...issuer.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((done) => {
    child.once('exit', (code) => {
      done(code);
    });
  });
  // After the exit, once its output is read to the end.
  const closed = new Promise<void>((done) => {
    child.once('close', () => {
      done();
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const opsPort = env['FERRY_OPS_PORT'];
  const opsUrl = opsPort === undefined ? url : `http://127.0.0.1:${opsPort}`;
  const service: RunningService = {
    url,
    opsUrl,
    pid: child.pid ?? -1,
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    const state = await waitFor(
      `${name} to be ready`,
      async () => {
        // A service that refused to start says why at once, not after the timeout.
        if (child.exitCode !== null) return 'exited';
        const response = await fetch(`${opsUrl}/health/ready`).catch(() => undefined);
        return response?.ok ? 'ready' : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    if (state === 'exited') {
      await closed;
      throw new ExitedEarly(name, child, output);
    }
  } catch (error: unknown) {
    if (child.exitCode === null) await service.kill();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n--- ${name} output ---\n${output.slice(-4000)}`,
    );
  }
  return service;
}

class ExitedEarly extends Error {
  constructor(name: string, child: ChildProcess, output: string) {
    super(`${name} exited with code ${String(child.exitCode)}: ${output.slice(-2000)}`);
  }
}
