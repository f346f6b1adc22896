import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { testEnvironment, waitFor } from '@ferry/test-support';

const entry = resolve(__dirname, '..', 'dist', 'fixtures', 'counting-consumer.js');

export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface CountingConsumerOptions {
  /** Written into every effect row this process applies. */
  readonly instance: string;
  readonly topic: string;
  readonly group: string;
  /** Postgres schema of the test. */
  readonly schema: string;
  readonly maxBatchSize?: number;
  /** SIGKILL itself right after the N-th DB commit, before the offset commit. */
  readonly killAfterCommits?: number;
  /** Count commits for `killAfterCommits` only from `armKill()` on. */
  readonly killArmedByTest?: boolean;
  /** SIGKILL itself inside the N-th transaction, after writing its effects. */
  readonly killDuringApply?: number;
}

export interface CountingConsumer {
  readonly instance: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** How the process ended; `undefined` while it runs. */
  exit(): ProcessExit | undefined;
  /** Waits until the process ends by itself (a fault it was given). */
  exited(timeoutMs: number): Promise<ProcessExit>;
  /** Starts counting commits towards `killAfterCommits` (with `killArmedByTest`). */
  armKill(): void;
  /** SIGKILL from outside, as `kill -9` would; a no-op once the process has ended. */
  kill(): Promise<ProcessExit>;
  /** SIGTERM: the consumer finishes its slice, commits and leaves the group. */
  stop(): Promise<ProcessExit>;
}

/**
 * Starts test/fixtures/counting-consumer as its own process and waits until it consumes. The
 * fixture is compiled with every project (`npm run build`; `npm test` builds first).
 */
export async function startCountingConsumer(
  options: CountingConsumerOptions,
): Promise<CountingConsumer> {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: build it with \`npm run build\``);
  const env = testEnvironment();
  const child = spawn(process.execPath, [entry], {
    env: {
      ...process.env,
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      KAFKA_CLIENT_ID: `counting-consumer-${options.instance}`,
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      DATABASE_URL: env.databaseUrl,
      FERRY_DB_SCHEMA: options.schema,
      FIXTURE_TOPIC: options.topic,
      FIXTURE_GROUP: options.group,
      FIXTURE_INSTANCE: options.instance,
      FIXTURE_MAX_BATCH_SIZE: String(options.maxBatchSize ?? 1000),
      FIXTURE_KILL_AFTER_COMMITS: String(options.killAfterCommits ?? 0),
      FIXTURE_KILL_ARMED_BY: options.killArmedByTest ? 'SIGUSR2' : 'start',
      FIXTURE_KILL_DURING_APPLY: String(options.killDuringApply ?? 0),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let ended: ProcessExit | undefined;
  const ending = new Promise<ProcessExit>((done) => {
    child.once('exit', (code, signal) => {
      ended = { code, signal };
      done(ended);
    });
  });
  const kill = async (): Promise<ProcessExit> => {
    if (ended === undefined) child.kill('SIGKILL');
    return ending;
  };
  const consumer: CountingConsumer = {
    instance: options.instance,
    output: () => output,
    exit: () => ended,
    exited: (timeoutMs) =>
      waitFor(`counting consumer ${options.instance} to end`, () => ended, {
        timeoutMs,
        intervalMs: 50,
      }).catch((error: unknown) => {
        throw withOutput(error instanceof Error ? error.message : String(error), options, output);
      }),
    armKill: () => {
      if (ended === undefined) child.kill('SIGUSR2');
    },
    kill,
    stop: async () => {
      if (ended === undefined) child.kill('SIGTERM');
      return waitFor(`counting consumer ${options.instance} to stop`, () => ended, {
        timeoutMs: 60_000,
        intervalMs: 50,
      }).catch(async (error: unknown) => {
        await kill();
        throw withOutput(error instanceof Error ? error.message : String(error), options, output);
      });
    },
  };
  // Ready first: a process told to kill itself may print ready and be gone by the first poll.
  const state = await waitFor(
    `counting consumer ${options.instance} to be ready`,
    () => {
      if (output.includes('counting consumer ready')) return 'ready';
      return ended === undefined ? undefined : 'exited';
    },
    { timeoutMs: 60_000, intervalMs: 50 },
  ).catch(async (error: unknown) => {
    await kill();
    throw withOutput(error instanceof Error ? error.message : String(error), options, output);
  });
  if (state === 'exited')
    throw withOutput(
      `counting consumer ${options.instance} exited before it was ready`,
      options,
      output,
    );
  return consumer;
}

function withOutput(message: string, options: CountingConsumerOptions, output: string): Error {
  return new Error(`${message}\n--- ${options.instance} output ---\n${output.slice(-4000)}`);
}

export function describeExit(exit: ProcessExit): string {
  return exit.signal === null ? `exit code ${String(exit.code)}` : `signal ${exit.signal}`;
}

/** The consumer processes one test started; `killAll` in `afterEach` leaves none behind. */
export class CountingConsumers {
  private readonly started: CountingConsumer[] = [];

  async start(options: CountingConsumerOptions): Promise<CountingConsumer> {
    const consumer = await startCountingConsumer(options);
    this.started.push(consumer);
    return consumer;
  }

  async killAll(): Promise<void> {
    await Promise.all(this.started.splice(0).map((consumer) => consumer.kill()));
  }
}
