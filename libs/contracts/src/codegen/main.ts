import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { SCHEMAS_ROOT } from '../contract';
import { generateContracts, type GeneratedFile } from './generate';

/*
 * `nx run @ferry/contracts:generate` writes src/generated/ from schemas/;
 * `nx run @ferry/contracts:generate-check` (part of `npm test`) fails if they differ.
 */
const GENERATED = resolve(__dirname, '..', '..', 'src', 'generated');

async function formatted(file: GeneratedFile): Promise<GeneratedFile> {
  const target = join(GENERATED, file.path);
  const options = (await resolveConfig(target)) ?? {};
  return { ...file, content: await format(file.content, { ...options, filepath: target }) };
}

function readExisting(): Map<string, string> {
  const existing = new Map<string, string>();
  for (const name of readdirSync(GENERATED, { withFileTypes: true })) {
    if (name.isFile()) existing.set(name.name, readFileSync(join(GENERATED, name.name), 'utf8'));
  }
  return existing;
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const files = await Promise.all(generateContracts(SCHEMAS_ROOT).map(formatted));
  mkdirSync(GENERATED, { recursive: true });
  const existing = readExisting();
  const stale = files
    .filter((file) => existing.get(file.path) !== file.content)
    .map((file) => file.path);
  const extra = [...existing.keys()].filter((path) => !files.some((file) => file.path === path));
  if (check) {
    if (stale.length === 0 && extra.length === 0) {
      process.stdout.write(`generated contracts are up to date (${files.length} files)\n`);
      return 0;
    }
    process.stderr.write(
      `generated contracts are out of date: ${[...stale, ...extra.map((p) => `${p} (no schema)`)].join(', ')}\n` +
        'run `npx nx run @ferry/contracts:generate` and commit the result\n',
    );
    return 1;
  }
  for (const path of extra) rmSync(join(GENERATED, path));
  for (const file of files) writeFileSync(join(GENERATED, file.path), file.content);
  process.stdout.write(
    `wrote ${files.length} files to ${GENERATED} (${stale.length} changed, ${extra.length} removed)\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
