import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Kafka's own ProducerPerformance and ConsumerPerformance (kafka-tools, from the broker's
 * download on Maven Central), run in the same invocation as Ferry's contenders so that a slow
 * machine shows in both: the reference of what the Java client does against the same broker.
 */
export interface PerfToolRun {
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
  /** CPU of the tool's JVM per record (user + system, startup included). */
  readonly cpuUsPerRecord: number;
  /** The tool's summary line, as it printed it. */
  readonly summary: string;
}

export interface PerfToolOptions {
  readonly classpath: string;
  readonly brokers: readonly string[];
  readonly topic: string;
  readonly records: number;
  /** Java installation (`java` from PATH when empty). */
  readonly javaHome?: string;
  /** The tool is killed, and the run fails, after this long. */
  readonly timeoutMs: number;
}

/** ProducerPerformance: `records` values of `recordSize` bytes, acks=all, as fast as it can. */
export async function runProducerPerformance(
  options: PerfToolOptions & { readonly recordSize: number },
): Promise<PerfToolRun> {
  const { output, cpuSeconds } = await runJava(options, [
    'org.apache.kafka.tools.ProducerPerformance',
    '--topic',
    options.topic,
    '--num-records',
    String(options.records),
    '--record-size',
    String(options.recordSize),
    '--throughput',
    '-1',
    '--producer-props',
    `bootstrap.servers=${options.brokers.join(',')}`,
    'acks=all',
  ]);
  const summary = parseProducerSummary(output);
  return {
    records: summary.records,
    seconds: summary.records / summary.recordsPerSecond,
    recordsPerSecond: summary.recordsPerSecond,
    cpuUsPerRecord: (cpuSeconds * 1e6) / summary.records,
    summary: summary.line,
  };
}

/** ConsumerPerformance: reads `records` records of `topic` from the start, in a group of its own. */
export async function runConsumerPerformance(options: PerfToolOptions): Promise<PerfToolRun> {
  const { output, cpuSeconds } = await runJava(options, [
    'org.apache.kafka.tools.ConsumerPerformance',
    '--bootstrap-server',
    options.brokers.join(','),
    '--topic',
    options.topic,
    '--messages',
    String(options.records),
    '--group',
    `ferry-bench-perf-${process.pid}-${Date.now()}`,
    '--timeout',
    '60000',
  ]);
  const summary = parseConsumerSummary(output);
  return {
    records: summary.records,
    seconds: summary.fetchSeconds,
    recordsPerSecond: summary.records / summary.fetchSeconds,
    cpuUsPerRecord: (cpuSeconds * 1e6) / summary.records,
    summary: summary.line,
  };
}

/**
 * `200000 records sent, 95328.9 records/sec (28.60 MB/sec), 101.21 ms avg latency, …`: the last
 * line ProducerPerformance prints.
 */
export function parseProducerSummary(output: string): {
  records: number;
  recordsPerSecond: number;
  line: string;
} {
  const line = output
    .split('\n')
    .reverse()
    .find((l) => /^\d+ records sent, [\d.]+ records\/sec/.test(l.trim()));
  const match = line && /^(\d+) records sent, ([\d.]+) records\/sec/.exec(line.trim());
  if (!line || !match)
    throw new Error(`no ProducerPerformance summary in:\n${output.slice(-2000)}`);
  return { records: Number(match[1]), recordsPerSecond: Number(match[2]), line: line.trim() };
}

/**
 * ConsumerPerformance's CSV line after its header (`start.time, end.time, data.consumed.in.MB,
 * MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, …`): the records
 * and the fetch time, which leaves the group join out.
 */
export function parseConsumerSummary(output: string): {
  records: number;
  fetchSeconds: number;
  line: string;
} {
  const lines = output.split('\n').map((l) => l.trim());
  const header = lines.findIndex((l) => l.startsWith('start.time'));
  const names = (lines[header] ?? '').split(',').map((n) => n.trim());
  const line = lines[header + 1];
  if (header < 0 || !line)
    throw new Error(`no ConsumerPerformance summary in:\n${output.slice(-2000)}`);
  const values = line.split(',').map((v) => v.trim());
  const field = (name: string): number => {
    const value = Number(values[names.indexOf(name)]);
    if (!Number.isFinite(value)) throw new Error(`ConsumerPerformance printed no ${name}: ${line}`);
    return value;
  };
  return {
    records: field('data.consumed.in.nMsg'),
    fetchSeconds: field('fetch.time.ms') / 1000,
    line,
  };
}

/** A Java tool to its end: its output and its CPU (the children's CPU this process reaped). */
async function runJava(
  options: PerfToolOptions,
  args: readonly string[],
): Promise<{ output: string; cpuSeconds: number }> {
  const java = options.javaHome ? join(options.javaHome, 'bin', 'java') : 'java';
  const before = reapedChildrenCpuSeconds();
  const child = spawn(java, ['-Xmx512m', '-cp', options.classpath, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // A topic that does not exist makes ProducerPerformance wait for its metadata, record by record.
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => {
    clearTimeout(timer);
  });
  if (code !== 0)
    throw new Error(
      `${args[0]} ${code === null ? `was killed after ${options.timeoutMs} ms` : `exited with ${code}`}:\n${output.slice(-2000)}`,
    );
  return { output, cpuSeconds: reapedChildrenCpuSeconds() - before };
}

/**
 * CPU seconds of this process's children that ended and were waited for (cutime + cstime of
 * `/proc/self/stat`): a tool's CPU, read after it ended.
 */
function reapedChildrenCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}
