// @ts-check
// Runs inside the image build (see Containerfile), after `npm ci` and the TypeScript build:
//   node infra/images/prune.mjs <out> <app>...
// For each app, copies into <out>/<app> exactly the files `apps/<app>/dist/main.js` loads, as
// traced by @vercel/nft (its code, the libs it imports, the production dependencies they load,
// and the files read at run time: SQL migrations, Avro schemas), at their paths under the
// repository root. Workspace links (node_modules/@ferry/* → libs/*) stay relative symlinks to
// the copied libs, so the tree runs without npm or the workspace. Plain Node on purpose: it runs
// before anything of Ferry's is needed, and typechecks through infra/images/tsconfig.json.
import { nodeFileTrace } from '@vercel/nft';
import { copyFileSync, lstatSync, mkdirSync, readlinkSync, statSync, symlinkSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

const root = process.cwd();
/**
 * Node 20.19+ resolves a package export's `module-sync` branch (e.g. `async-function`'s
 * require.mjs), older Node its fallback: each app is traced under both, and gets the union. One
 * cache per condition set, shared by the apps' traces.
 */
const CONDITION_SETS = [['node'], ['node', 'module-sync']].map((conditions) => ({
  conditions,
  cache: {},
}));

/**
 * Requires the tracer reports as unresolved that no Ferry service needs: optional integrations
 * that Nest, pg and protobufjs load only when installed (and Ferry does not install them). Any
 * other unresolved require stops the build, so a missing runtime dependency shows here and not
 * in production.
 */
const OPTIONAL_REQUIRES = [
  'class-transformer',
  'class-validator',
  '@nestjs/microservices',
  '@nestjs/websockets',
  'pg-native',
  'cloudflare:sockets',
];

/** @param {string} message */
function unresolvedModule(message) {
  return /Cannot find module '([^']+)'/.exec(message)?.[1];
}

/** @param {string} name */
function isOptional(name) {
  return OPTIONAL_REQUIRES.some((optional) => name === optional || name.startsWith(`${optional}/`));
}

/**
 * @param {string} app
 * @returns {Promise<string[]>} repository-relative paths of every file and link the app loads
 */
async function traceApp(app) {
  const entry = join('apps', app, 'dist', 'main.js');
  statSync(entry);
  const traces = await Promise.all(
    CONDITION_SETS.map(({ conditions, cache }) =>
      nodeFileTrace([entry], { base: root, conditions, cache }),
    ),
  );
  const fileList = new Set(traces.flatMap((trace) => [...trace.fileList]));
  const warnings = traces.flatMap((trace) => [...trace.warnings]);
  const missing = warnings
    .map((warning) => unresolvedModule(warning.message))
    .filter((name) => name !== undefined && !isOptional(name));
  if (missing.length > 0)
    throw new Error(`${app}: cannot resolve ${[...new Set(missing)].join(', ')}`);
  return [...fileList].sort();
}

/**
 * Copies one traced path. A symlink is kept as a link, made relative when it was absolute, and
 * must point inside the repository (the copy would be dangling otherwise).
 * @param {string} path repository-relative
 * @param {string} out
 * @returns {number} bytes copied
 */
function copyTraced(path, out) {
  const source = join(root, path);
  const target = join(out, path);
  mkdirSync(dirname(target), { recursive: true });
  const stats = lstatSync(source);
  if (stats.isSymbolicLink()) {
    const link = readlinkSync(source);
    const pointsTo = isAbsolute(link) ? link : resolve(dirname(source), link);
    if (relative(root, pointsTo).startsWith('..'))
      throw new Error(`${path} links outside the repository (${link})`);
    symlinkSync(relative(dirname(source), pointsTo), target);
    return 0;
  }
  if (stats.isDirectory()) {
    mkdirSync(target, { recursive: true });
    return 0;
  }
  copyFileSync(source, target);
  return stats.size;
}

/**
 * @param {string} out
 * @param {string} app
 */
async function pruneApp(out, app) {
  const files = await traceApp(app);
  const appOut = join(out, app);
  let bytes = 0;
  for (const path of files) bytes += copyTraced(path, appOut);
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  process.stdout.write(`prune: ${app}: ${files.length} files, ${megabytes} MB\n`);
}

const [out, ...apps] = process.argv.slice(2);
if (out === undefined || apps.length === 0) {
  process.stderr.write('usage: node infra/images/prune.mjs <out> <app>...\n');
  process.exit(2);
}
for (const app of apps) await pruneApp(resolve(out), app);
