import { readFile } from 'node:fs/promises';
import { parseProcStatCpuSeconds } from './process-memory';
import type { SqlExecutor } from '@ferry/persistence';

/**
 * Time one thread spent on a CPU and runnable but waiting for one, from
 * `/proc/<pid>/task/<tid>/schedstat` (nanoseconds, as the scheduler counts them).
 */
export interface ThreadTimes {
  readonly onCpuNs: number;
  readonly runQueueNs: number;
}

export function parseSchedstat(text: string): ThreadTimes {
  const [onCpu, runQueue] = text.trim().split(/\s+/).map(Number);
  if (onCpu === undefined || runQueue === undefined || !(onCpu >= 0) || !(runQueue >= 0))
    throw new Error(`not a schedstat line: ${JSON.stringify(text)}`);
  return { onCpuNs: onCpu, runQueueNs: runQueue };
}

export async function readThreadTimes(pid: number, tid = pid): Promise<ThreadTimes> {
  return parseSchedstat(await readFile(`/proc/${pid}/task/${tid}/schedstat`, 'utf8'));
}

/** A process's CPU seconds so far, or undefined once it is gone (a backend that disconnected). */
async function cpuSecondsOf(pid: number): Promise<number | undefined> {
  try {
    return parseProcStatCpuSeconds(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * CPU used by a changing set of processes over a window (a connection pool's Postgres backends,
 * a broker): `start`, `sample` while the work runs, `stop`. A process first seen after `start`
 * counts from zero (it began inside the window); one that exits keeps what its last sample saw,
 * so sampling often loses little.
 */
export class CpuAccount {
  private readonly baseline = new Map<number, number>();
  private readonly latest = new Map<number, number>();

  constructor(private readonly discover: () => Promise<readonly number[]>) {}

  async start(): Promise<void> {
    for (const pid of await this.discover()) {
      const seconds = await cpuSecondsOf(pid);
      if (seconds === undefined) continue;
      this.baseline.set(pid, seconds);
      this.latest.set(pid, seconds);
    }
  }

  async sample(): Promise<void> {
    for (const pid of await this.discover()) {
      const seconds = await cpuSecondsOf(pid);
      if (seconds === undefined) continue;
      if (!this.baseline.has(pid)) this.baseline.set(pid, 0);
      this.latest.set(pid, seconds);
    }
  }

  /** CPU seconds the processes used since `start`, and how many processes were counted. */
  async stop(): Promise<{ seconds: number; processes: number }> {
    await this.sample();
    let seconds = 0;
    for (const [pid, last] of this.latest) seconds += last - (this.baseline.get(pid) ?? 0);
    return { seconds, processes: this.latest.size };
  }
}

/** Whether `pid` is a process on this machine whose command line names `program`. */
export async function isLocalProcess(pid: number, program: string): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes(program);
  } catch {
    return false;
  }
}

/** CPU per event of every process an apply run keeps busy; null where it runs elsewhere. */
export interface CpuPerEvent {
  /** The consumer's process, all threads. */
  readonly processUs: number | null;
  /** Its main (JavaScript) thread alone. */
  readonly mainThreadUs: number | null;
  /**
   * Share of the window the main thread was runnable but waited for a CPU: high means the
   * machine (other processes, Postgres, the broker), not the consumer, set the pace.
   */
  readonly mainThreadRunQueueShare: number | null;
  /** The Postgres backends serving the consumer's connections. */
  readonly postgresUs: number | null;
  /** The Kafka broker(s) started by Ferry on this machine. */
  readonly brokerUs: number | null;
}

export interface CpuWindowTargets {
  /** The consumer's pid, when it is a process of its own (not the bench's). */
  readonly consumerPid?: number;
  /** Pids of the consumer's Postgres backends, now (pg_stat_activity); [] when Postgres is remote. */
  readonly postgresBackends: () => Promise<readonly number[]>;
  readonly brokerPids: readonly number[];
}

/**
 * Counts CPU over one timed window of an apply run. `sample` while it runs (backends come and
 * go with the pool); `stop` with the number of events the window handled.
 */
export class CpuWindow {
  private readonly consumer: CpuAccount | undefined;
  private readonly postgres: CpuAccount;
  private readonly broker: CpuAccount;
  private mainAtStart: ThreadTimes | undefined;
  private startedAt = 0;

  constructor(private readonly targets: CpuWindowTargets) {
    const { consumerPid } = targets;
    this.consumer =
      consumerPid === undefined ? undefined : new CpuAccount(() => Promise.resolve([consumerPid]));
    this.postgres = new CpuAccount(targets.postgresBackends);
    this.broker = new CpuAccount(() => Promise.resolve(targets.brokerPids));
  }

  async start(): Promise<void> {
    this.startedAt = performance.now();
    const pid = this.targets.consumerPid;
    if (pid !== undefined) this.mainAtStart = await readThreadTimes(pid);
    await Promise.all([this.consumer?.start(), this.postgres.start(), this.broker.start()]);
  }

  async sample(): Promise<void> {
    await Promise.all([this.consumer?.sample(), this.postgres.sample(), this.broker.sample()]);
  }

  async stop(events: number): Promise<CpuPerEvent> {
    const wallNs = (performance.now() - this.startedAt) * 1e6;
    const pid = this.targets.consumerPid;
    const main = pid !== undefined && this.mainAtStart ? await readThreadTimes(pid) : undefined;
    const [consumer, postgres, broker] = await Promise.all([
      this.consumer?.stop(),
      this.postgres.stop(),
      this.broker.stop(),
    ]);
    const perEventUs = (seconds: number) => (seconds * 1e6) / events;
    const start = this.mainAtStart;
    return {
      processUs: consumer ? perEventUs(consumer.seconds) : null,
      mainThreadUs: main && start ? (main.onCpuNs - start.onCpuNs) / 1e3 / events : null,
      mainThreadRunQueueShare:
        main && start && wallNs > 0 ? (main.runQueueNs - start.runQueueNs) / wallNs : null,
      postgresUs: postgres.processes > 0 ? perEventUs(postgres.seconds) : null,
      brokerUs: broker.processes > 0 ? perEventUs(broker.seconds) : null,
    };
  }
}

/**
 * Pids of the Postgres backends that `applicationName` opened since `since`, as long as they are
 * processes on this machine (a remote Postgres's pids are not ours to read: then none).
 */
export function postgresBackendsOf(
  db: SqlExecutor,
  applicationName: string,
  since: Date,
): () => Promise<readonly number[]> {
  return async () => {
    const { rows } = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database() AND backend_start >= $2`,
      [applicationName, since],
    );
    const local = await Promise.all(rows.map(async ({ pid }) => isLocalProcess(pid, 'postgres')));
    return rows.filter((_, index) => local[index]).map(({ pid }) => pid);
  };
}
