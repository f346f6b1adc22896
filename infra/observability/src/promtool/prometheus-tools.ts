import { FerryError } from '@ferry/failures';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Prometheus' own tools: `promtool` checks and unit-tests the rules, `prometheus` runs them in
 * the alert test. Debian packages both (`prometheus`); a machine without them gets them from
 * apt as root, saying so, the way the bootstrap installs openssl.
 */
export class PrometheusMissingError extends FerryError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'permanent', options);
  }
}

function answers(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * invoke-rc.d and deb-systemd-invoke ask /usr/sbin/policy-rc.d whether a package may start its
 * service; 101 is "no". The package's postinst would start a Prometheus on :9090 (and enable it
 * at boot under systemd): Ferry needs the binaries, not a daemon. A policy the machine has
 * already is left alone.
 */
const policyFile = '/usr/sbin/policy-rc.d';

function installWithoutStartingService(log: (line: string) => void): boolean {
  const ownPolicy = !existsSync(policyFile);
  if (ownPolicy)
    writeFileSync(
      policyFile,
      '#!/bin/sh\n# written by Ferry while installing prometheus\nexit 101\n',
      { mode: 0o755 },
    );
  try {
    log(
      'installing promtool and prometheus (apt-get install prometheus, its service not started) ' +
        'to check and test the alert rules',
    );
    const install = spawnSync(
      'apt-get',
      ['install', '-y', '-q', '--no-install-recommends', 'prometheus'],
      { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } },
    );
    if (install.status !== 0) return false;
    disableService(log);
    return true;
  } finally {
    if (ownPolicy) rmSync(policyFile, { force: true });
  }
}

/**
 * The postinst also enables the service for the next boot (systemd unit and SysV links):
 * disabled again, so that a reboot does not start a Prometheus nobody asked for.
 */
function disableService(log: (line: string) => void): void {
  const systemctl = spawnSync('systemctl', ['disable', 'prometheus.service'], { stdio: 'ignore' });
  const disabled =
    systemctl.status === 0 ||
    spawnSync('update-rc.d', ['prometheus', 'disable'], { stdio: 'ignore' }).status === 0;
  log(
    disabled
      ? 'disabled the prometheus service the package enabled (Ferry runs the binaries itself)'
      : 'could not disable the prometheus service: run `systemctl disable prometheus` if unwanted',
  );
}

export function ensurePrometheusTools(log: (line: string) => void): void {
  if (answers('promtool') && answers('prometheus')) return;
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (apt && process.getuid?.() === 0 && installWithoutStartingService(log))
    if (answers('promtool') && answers('prometheus')) return;
  throw new PrometheusMissingError(
    'promtool and prometheus are needed to check the alert rules: install them ' +
      '(Debian: apt-get install --no-install-recommends prometheus; as root, this check does it)',
  );
}

export interface ToolRun {
  readonly ok: boolean;
  readonly output: string;
}

export function promtool(args: readonly string[], cwd?: string): ToolRun {
  const result: SpawnSyncReturns<string> = spawnSync('promtool', args, {
    encoding: 'utf8',
    ...(cwd === undefined ? {} : { cwd }),
  });
  if (result.error !== undefined) throw result.error;
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}
