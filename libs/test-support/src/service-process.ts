import { spawn, type ChildProcess } from 'node:child_process';
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

/**
 * Starts a built Ferry app (`apps/<name>/dist/main.js`) as its own process on a free port and
 * waits until it reports ready. Tests run the same artefact as production, authentication
 * included: the service trusts this process's local issuer (callers send `localAuthorization()`)
 * unless `env` names FERRY_AUTH_* of its own.
 */
export async function startService(
  name: string,
  env: Readonly<Record<string, string>>,
): Promise<RunningService> {
  const port = await freePort();
  const issuer = await localIngressIssuer();
  const child = spawn(process.execPath, [resolve(repoRoot, 'apps', name, 'dist', 'main.js')], {
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
    await waitFor(
      `${name} to be ready`,
      async () => {
        if (child.exitCode !== null) throw new ExitedEarly(name, child, output);
        const response = await fetch(`${opsUrl}/health/ready`).catch(() => undefined);
        return response?.ok ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
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
