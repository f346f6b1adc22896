import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ensureKubectl, kustomize } from './kubectl';
import { generateTree, type ManifestTree } from './layout';
import { Overlays } from './overlays';
import { checkDeployDoc, type RenderedObject } from './deploy-doc-check';
import { manifestsDir, repoRoot } from './paths';
import { loadModels, validateObject, type ModelRegistry } from './validate';

const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function writeTree(tree: ManifestTree, root: string): void {
  rmSync(root, { recursive: true, force: true });
  for (const [path, text] of tree) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

function readTree(root: string): ManifestTree {
  const tree: ManifestTree = new Map();
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else tree.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return tree;
}

/** Files that differ between what is committed and a fresh generation. */
function differences(committed: ManifestTree, fresh: ManifestTree): string[] {
  const paths = [...new Set([...committed.keys(), ...fresh.keys()])].sort();
  return paths.flatMap((path) => {
    const before = committed.get(path);
    const after = fresh.get(path);
    if (before === after) return [];
    if (before === undefined) return [`missing: ${path}`];
    if (after === undefined) return [`not generated: ${path}`];
    return [`differs: ${path}`];
  });
}

/** Renders one kustomization and validates every object; counts objects per kind. */
function renderAndValidate(
  dir: string,
  registry: ModelRegistry,
): { counts: Map<string, number>; problems: string[]; objects: RenderedObject[] } {
  const counts = new Map<string, number>();
  const problems: string[] = [];
  const objects: RenderedObject[] = [];
  for (const document of parseAllDocuments(kustomize(dir))) {
    const object = document.toJS() as RenderedObject | null;
    if (object === null) continue;
    const kind = object.kind ?? '(no kind)';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    problems.push(...validateObject(registry, object));
    objects.push(object);
  }
  return { counts, problems, objects };
}

function report(name: string, counts: Map<string, number>, problems: readonly string[]): void {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const verdict = problems.length === 0 ? 'all valid' : `${problems.length} invalid`;
  log(`${name}: ${total} objects, ${verdict}`);
  for (const [kind, count] of [...counts].sort(([a], [b]) => a.localeCompare(b)))
    log(`  ${kind.padEnd(24)} ${count}`);
  for (const problem of problems) log(`  invalid: ${problem}`);
}

async function check(): Promise<number> {
  const fresh = generateTree();
  const stale = differences(readTree(manifestsDir), fresh);
  if (stale.length > 0) {
    log(`infra/k8s is not what the generator makes now:\n  ${stale.join('\n  ')}`);
    log('run `npm run k8s` to regenerate, and commit the result');
    return 1;
  }
  log(`infra/k8s is up to date (${fresh.size} files)`);
  ensureKubectl(log);
  const registry = await loadModels();
  // Render the fresh tree, not the working copy: what is checked is what would be committed.
  const scratch = mkdtempSync(join(tmpdir(), 'ferry-k8s-'));
  let failed = false;
  try {
    writeTree(fresh, scratch);
    // Each overlay includes its migrate step; that step alone is what kubectl applies first.
    for (const overlay of Object.keys(Overlays))
      for (const name of [`overlays/${overlay}`, `overlays/${overlay}/migrate`]) {
        const { counts, problems } = renderAndValidate(join(scratch, name), registry);
        report(name, counts, problems);
        failed ||= problems.length > 0;
      }
    const problems = checkDeployDoc(scratch, (dir) => renderAndValidate(dir, registry));
    for (const problem of problems) log(`docs/deploy.md: ${problem}`);
    if (problems.length === 0) log('docs/deploy.md: every command and the example overlay hold');
    failed ||= problems.length > 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

function generate(): number {
  const tree = generateTree();
  writeTree(tree, manifestsDir);
  log(`wrote ${tree.size} files under ${relative(repoRoot, manifestsDir)}`);
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 0) return generate();
  if (argv.length === 1 && argv[0] === '--check') return check();
  process.stderr.write('usage: main.js [--check]\n');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
