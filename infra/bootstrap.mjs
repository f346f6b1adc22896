#!/usr/bin/env node
// Entry point of `npm run demo`, `npm test`, `npm run infra` and `npm run images`: makes a fresh clone runnable
// (dependencies installed from the lockfile, TypeScript built), then hands over to the built
// command. Plain Node on purpose: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const commands = {
  demo: 'infra/local/dist/commands/demo.js',
  test: 'infra/local/dist/commands/run-tests.js',
  infra: 'infra/local/dist/cli.js',
  images: 'infra/local/dist/commands/images.js',
  'schemas-check': 'infra/local/dist/commands/schemas-check.js',
  ops: 'apps/ops-cli/dist/main.js',
  bench: 'test/bench/dist/main.js',
  fuzz: 'test/fuzz/dist/main.js',
  k8s: 'infra/deploy/dist/main.js',
};

function fail(message) {
  process.stderr.write(`ferry: ${message}\n`);
  process.exit(1);
}

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.error) fail(`${what} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${what} failed (exit ${result.status ?? result.signal})`);
}

/**
 * Every project's build config, for one `tsc --build` of them all: a project is a folder that the
 * root package.json's `workspaces` globs name (as for npm and Nx), and it builds when it has a
 * tsconfig.build.json. TypeScript matches the globs as it matches a tsconfig's `include`.
 */
function buildConfigs() {
  const ts = createRequire(import.meta.url)('typescript');
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const configs = workspaces.map((folders) => `${folders}/tsconfig.build.json`);
  return ts.sys.readDirectory(root, ['.json'], ['**/node_modules'], configs).sort();
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19))
  fail(`Node 20.19 or newer is needed, this is ${process.version}`);

const [command, ...args] = process.argv.slice(2);
if (!(command in commands)) fail(`usage: bootstrap.mjs ${Object.keys(commands).join('|')} [args]`);

// The secured cluster's certificates are made with openssl (npm test runs one; `up --secure` too).
// Debian has it with ca-certificates, which Java needs; a machine without it gets it from apt.
function ensureOpenssl() {
  if (spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0) return;
  const apt = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!apt || process.getuid?.() !== 0)
    fail('openssl is needed for the secured cluster: install it (Debian: apt-get install openssl)');
  process.stdout.write(
    'ferry: installing openssl (apt-get install openssl) for the secured cluster\n',
  );
  run(
    'apt-get',
    ['install', '-y', '--no-install-recommends', 'openssl'],
    'apt-get install openssl',
  );
}
if (command === 'test' || args.includes('--secure')) ensureOpenssl();

// npm writes node_modules/.package-lock.json on every install: older than the lockfile means stale.
const installed = join(root, 'node_modules', '.package-lock.json');
if (
  !existsSync(installed) ||
  statSync(installed).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs
) {
  process.stdout.write('ferry: installing dependencies (npm install, from package-lock.json)\n');
  run('npm', ['install', '--no-audit', '--no-fund'], 'npm install');
}

run(
  process.execPath,
  [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', ...buildConfigs()],
  'TypeScript build',
);

const entry = spawnSync(process.execPath, [join(root, commands[command]), ...args], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(entry.status ?? 1);
