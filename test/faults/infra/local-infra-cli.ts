import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ferryHome, isPortFree } from '@ferry/local-infra';

const run = promisify(execFile);
const cli = resolve(__dirname, '..', '..', '..', 'infra', 'local', 'dist', 'cli.js');

/**
 * Runs the local infrastructure's CLI (`npm run infra -- …`, built) for a Ferry home of a case's
 * own: whatever it starts or stops lives in that home's pid files, never the shared
 * infrastructure's. `env` names the parts to take from elsewhere (an empty KAFKA_BROKERS: Ferry
 * starts Kafka).
 */
export async function runInfraCli(
  home: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  timeoutMs = 300_000,
): Promise<string> {
  try {
    const { stdout } = await run(process.execPath, [cli, ...args], {
      env: { ...process.env, ...env, FERRY_HOME: home },
      timeout: timeoutMs,
    });
    return stdout;
  } catch (error: unknown) {
    const output =
      typeof error === 'object' && error !== null && 'stdout' in error && 'stderr' in error
        ? `${String(error.stdout)}${String(error.stderr)}`
        : String(error);
    throw new Error(`infra ${args.join(' ')} (FERRY_HOME=${home}) failed:\n${output.slice(-3000)}`);
  }
}

/**
 * A first port from which `count` consecutive ports are free now, below the range the kernel
 * hands out to outgoing connections: a port of that range, free when checked, can be taken by
 * any connection of a process running beside (the test's own services) before Kafka binds it.
 */
export async function freePortRange(count: number): Promise<number> {
  const below = ephemeralPortsStart();
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * (below - 20_000 - count));
    const ports = Array.from({ length: count }, (_, index) => base + index);
    if ((await Promise.all(ports.map(isPortFree))).every(Boolean)) return base;
  }
  throw new Error(`no ${count} consecutive free ports found`);
}

function ephemeralPortsStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/);
    const port = Number(low);
    return Number.isInteger(port) && port > 21_000 ? port : 32_768;
  } catch {
    return 32_768;
  }
}

/**
 * A new, empty Ferry home for a case's own infrastructure, sharing the downloads (Kafka jars,
 * Apicurio) of the usual one: no second download.
 */
export function caseFerryHome(prefix: string): string {
  const home = mkdtempSync(join(tmpdir(), `ferry-fault-${prefix}-`));
  symlinkSync(join(ferryHome(), 'cache'), join(home, 'cache'));
  return home;
}

/** Starts something with `up`; when that fails, `clean` stops what it left before the error goes on. */
export async function upOrClean(
  up: () => Promise<void>,
  clean: () => Promise<void>,
): Promise<void> {
  try {
    await up();
  } catch (error: unknown) {
    await clean();
    throw error;
  }
}
