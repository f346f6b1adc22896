import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildAllImages,
  ferryHome,
  infraDown,
  infraStatus,
  infraUp,
  kafkaClientClasspath,
  runImageTest,
  type Endpoints,
} from '../index';
import { imageTable } from '../images/build-images';
import { repoRoot } from '../paths';
import { runSchemaCheck } from './schemas-check';

/*
 * `npm test`: static checks (project references in line with the project graph, lint with module
 * boundaries, type checks of every project including its tests), then every unit and integration test against a real Kafka, schema registry and
 * Postgres. Infrastructure this command started is stopped again; infrastructure that was already
 * running is left as it was.
 */

function say(line: string): void {
  process.stdout.write(`ferry test: ${line}\n`);
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', env });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

const nx = join(repoRoot, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
const jest = join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');
const summaryFile = join(ferryHome(), 'run', 'test-summary.txt');

async function main(): Promise<number> {
  const staticEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
  say('formatting, lint and type checks');
  const prettier = join(repoRoot, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const formatted = await run(process.execPath, [
    prettier,
    '--check',
    '--log-level=warn',
    '**/*.{ts,js,mjs,json}',
  ]);
  if (formatted !== 0) {
    say('formatting differs from Prettier: run `npm run format`');
    return formatted;
  }
  // The TypeScript project references follow the project graph (the imports between projects):
  // `nx sync` writes them, and this fails on one that is missing or left over.
  const synced = await run(process.execPath, [nx, 'sync:check'], staticEnv);
  if (synced !== 0) {
    say('project references differ from the project graph: run `npx nx sync`');
    return synced;
  }
  const checks = await run(
    process.execPath,
    [
      nx,
      'run-many',
      '-t',
      'lint',
      'typecheck',
      'generate-check',
      '--parallel=2',
      '--outputStyle=static',
    ],
    staticEnv,
  );
  if (checks !== 0) {
    say('lint or type checks failed');
    return checks;
  }

  rmSync(summaryFile, { force: true });
  const alreadyRunning = (await infraStatus()).some(
    (service) => service.running && service.managedByFerry,
  );
  try {
    // Inside the try: when `up` fails half-way, the finally still stops what this run started.
    say('starting Kafka, the schema registry and Postgres');
    const endpoints = await infraUp({ log: say });
    say('schema evolution against the registry');
    const schemas = await runSchemaCheck(endpoints.schemaRegistryUrl, []);
    if (schemas !== 0) return schemas;
    const env = {
      ...process.env,
      FERRY_INTEGRATION: '1',
      KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
      DATABASE_URL: endpoints.databaseUrl,
      FERRY_KAFKA_CLASSPATH: await kafkaClientClasspath(),
      FERRY_TEST_SUMMARY_FILE: summaryFile,
      FERRY_LOG_LEVEL: process.env['FERRY_LOG_LEVEL'] ?? 'warn',
    };
    const tests = await run(
      process.execPath,
      [jest, '--config', 'jest.config.js', '--ci', '--maxWorkers=2', ...process.argv.slice(2)],
      env,
    );
    // Jest arguments pick some tests: the images are not among them.
    if (process.argv.length > 2) return tests;
    return (await testImages(endpoints)) === 0 ? tests : 1;
  } finally {
    if (!alreadyRunning) {
      say('stopping the infrastructure this run started');
      await infraDown({ log: say });
    }
  }
}

/**
 * Every service's image, built here and run as Kubernetes will run it: against this run's
 * Kafka, registry and Postgres, read-only, as user 10001, stopped with SIGTERM.
 */
async function testImages(endpoints: Endpoints): Promise<number> {
  const log = (line: string) => {
    say(`images: ${line}`);
  };
  try {
    const built = await buildAllImages(ferryHome(), log);
    for (const line of imageTable(built.images)) log(line);
    await runImageTest(endpoints, { log });
    log('every image started, applied an event end to end and stopped cleanly');
    return 0;
  } catch (error: unknown) {
    log(`failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** The reporter's closing line, printed last so that it closes the output. */
function printSummary(): void {
  if (!existsSync(summaryFile)) return;
  process.stdout.write(`\n${readFileSync(summaryFile, 'utf8')}`);
  rmSync(summaryFile);
}

main().then(
  (code) => {
    printSummary();
    process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`ferry test: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
