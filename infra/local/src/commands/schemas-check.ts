import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { infraDown, infraStatus, infraUp } from '../index';
import { repoRoot } from '../paths';

/*
 * `npm run schemas:check [-- --live]`: checks every schema version in schemas/ against a real
 * registry (SCHEMA_REGISTRY_URL, or the local Apicurio, started for the check if needed).
 */
const checker = join(repoRoot, 'libs', 'contracts', 'dist', 'schema-check', 'main.js');

export function runSchemaCheck(registryUrl: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [checker, ...args], {
      cwd: repoRoot,
      stdio: 'inherit',
      env: { ...process.env, SCHEMA_REGISTRY_URL: registryUrl },
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      resolve(code ?? 1);
    });
  });
}

async function main(): Promise<number> {
  const given = process.env['SCHEMA_REGISTRY_URL'];
  if (given) return runSchemaCheck(given, process.argv.slice(2));
  const alreadyRunning = (await infraStatus()).some((s) => s.running && s.managedByFerry);
  const endpoints = await infraUp();
  try {
    return await runSchemaCheck(endpoints.schemaRegistryUrl, process.argv.slice(2));
  } finally {
    if (!alreadyRunning) await infraDown();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `schemas:check: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(2);
    },
  );
}
