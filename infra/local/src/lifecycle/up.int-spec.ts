import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, testEnvironment } from '@ferry/test-support';
import { ferryHome } from '../config';
import { layoutOf, packageRoot } from '../paths';
import { embeddedPostgresProcess } from '../postgres/embedded-postgres';
import { isAlive } from '../process/liveness';
import { inspectPidFile } from '../process/pid-file';
import { isPortFree } from '../process/port';
import { stopManagedProcess } from '../process/stop';

/*
 * A failed `up` stops what it started, with real processes: Kafka cannot start because its port
 * is taken, while the embedded Postgres started beside it comes up. A Ferry home and ports of
 * their own (the downloads are shared), so the shared infrastructure is never touched; the
 * registry is the shared one, given by URL, so none is started.
 *
 * `up` runs in a node process of its own from the build, as `npm run infra -- up` does: the
 * embedded Postgres binaries are an ES module, which Jest's CommonJS runtime cannot import.
 */
const UP_SCRIPT = `
const [dist, home, cache, envJson] = process.argv.slice(1);
const { readLocalInfraConfig } = require(dist + '/config');
const { layoutOf } = require(dist + '/paths');
const { bringUp } = require(dist + '/lifecycle/up');
const lines = [];
const context = {
  config: readLocalInfraConfig(JSON.parse(envJson)),
  layout: { ...layoutOf(home), cache },
  log: (line) => lines.push(line),
};
bringUp(context, 1).then(
  () => console.log(JSON.stringify({ error: null, lines })),
  (error) => console.log(JSON.stringify({ error: String(error.message), lines })),
);
`;

interface UpOutcome {
  readonly error: string | null;
  readonly lines: string[];
}

describe('bringUp when a part cannot start', () => {
  const env = testEnvironment();
  const home = mkdtempSync(join(tmpdir(), 'ferry-up-failure-'));
  // Run as root, Postgres runs as the postgres user, which must reach its data folder.
  chmodSync(home, 0o755);
  const layout = layoutOf(home);
  const postgres = embeddedPostgresProcess(layout);
  let kafkaPort = 0;
  let postgresPort = 0;
  let silentPort = 0;
  let takenPort: Server | undefined;

  const up = (externalKafka: boolean): Promise<UpOutcome> => {
    const upEnv = {
      FERRY_HOME: home,
      FERRY_KAFKA_PORT: String(kafkaPort),
      FERRY_PG_PORT: String(postgresPort),
      // Nothing answers there, so `up` starts its embedded Postgres.
      FERRY_LOCAL_PG_URL: `postgres://postgres@127.0.0.1:${silentPort}/postgres`,
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      ...(externalKafka ? { KAFKA_BROKERS: env.kafkaBrokers.join(',') } : {}),
      ...(process.env['JAVA_HOME'] ? { JAVA_HOME: process.env['JAVA_HOME'] } : {}),
    };
    const args = [join(packageRoot, 'dist'), home, layoutOf(ferryHome()).cache];
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['-e', UP_SCRIPT, ...args, JSON.stringify(upEnv)],
        { timeout: 100_000 },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`the up process failed: ${stderr}`, { cause: error }));
          else resolve(JSON.parse(stdout) as UpOutcome);
        },
      );
    });
  };

  beforeAll(async () => {
    [kafkaPort, postgresPort, silentPort] = [await freePort(), await freePort(), await freePort()];
    const server = createServer();
    await new Promise<void>((listening) => server.listen(kafkaPort, '127.0.0.1', listening));
    takenPort = server;
  });

  afterAll(async () => {
    await stopManagedProcess(postgres, 15_000);
    await new Promise((closed) => takenPort?.close(closed));
    rmSync(home, { recursive: true, force: true });
  });

  it('stops the Postgres it started when Kafka cannot start', async () => {
    const outcome = await up(false);
    expect(outcome.error).toBe(
      `kafka-1: port ${kafkaPort} on 127.0.0.1 is in use by a process Ferry did not start`,
    );
    const started = /postgres: started embedded Postgres \(pid (\d+)\)/.exec(
      outcome.lines.join('\n'),
    );
    expect(started).not.toBeNull();
    expect(isAlive(Number(started?.[1]))).toBe(false);
    expect(inspectPidFile(postgres.pidFile).kind).toBe('absent');
    expect(await isPortFree(postgresPort)).toBe(true);
  }, 120_000);

  it('leaves a part that was running before the failed start', async () => {
    // With an external Kafka, `up` starts only the embedded Postgres, and succeeds.
    expect((await up(true)).error).toBeNull();
    const before = inspectPidFile(postgres.pidFile);
    expect(before.kind).toBe('running');
    expect((await up(false)).error).toMatch(/^kafka-1: port \d+ on 127\.0\.0\.1 is in use/);
    expect(inspectPidFile(postgres.pidFile)).toEqual(before);
    expect(await isPortFree(postgresPort)).toBe(false);
  }, 120_000);
});
