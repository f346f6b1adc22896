import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One row of `kafka-consumer-groups --describe`; "-" (no committed offset) is undefined. */
export interface DescribedPartition {
  readonly topic: string;
  readonly partition: number;
  readonly currentOffset: bigint | undefined;
  readonly logEndOffset: bigint;
  readonly lag: bigint | undefined;
  readonly consumerId: string;
}

export const CONSUMER_GROUP_COMMAND = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';

/**
 * Kafka's own view of a consumer group: `kafka-consumer-groups.sh --describe --group <group>`,
 * run from the Kafka jars (ConsumerGroupCommand of kafka-tools), parsed by its column headers.
 */
export async function describeGroupWithKafkaTool(
  kafkaClasspath: string,
  bootstrap: string,
  group: string,
): Promise<{ readonly rows: DescribedPartition[]; readonly output: string }> {
  const { stdout, stderr } = await run(
    'java',
    [
      '-Xmx256m',
      '-Dlog4j2.level=warn',
      '-cp',
      kafkaClasspath,
      CONSUMER_GROUP_COMMAND,
      '--bootstrap-server',
      bootstrap,
      '--describe',
      '--group',
      group,
    ],
    { timeout: 60_000 },
  );
  const output = `${stdout}${stderr}`;
  const lines = stdout.split('\n').map((line) => line.trim());
  const headerAt = lines.findIndex((line) => line.startsWith('GROUP') && line.includes('LAG'));
  if (headerAt < 0) throw new Error(`no table in the tool's answer:\n${output}`);
  const header = (lines[headerAt] ?? '').split(/\s+/);
  const column = (cells: string[], name: string): string => {
    const value = cells[header.indexOf(name)];
    if (value === undefined) throw new Error(`no ${name} in: ${cells.join(' ')}`);
    return value;
  };
  const offset = (text: string) => (text === '-' ? undefined : BigInt(text));
  const rows = lines
    .slice(headerAt + 1)
    .map((line) => line.split(/\s+/))
    .filter((cells) => cells[0] === group)
    .map((cells) => ({
      topic: column(cells, 'TOPIC'),
      partition: Number(column(cells, 'PARTITION')),
      currentOffset: offset(column(cells, 'CURRENT-OFFSET')),
      logEndOffset: BigInt(column(cells, 'LOG-END-OFFSET')),
      lag: offset(column(cells, 'LAG')),
      consumerId: column(cells, 'CONSUMER-ID'),
    }))
    .sort((a, b) => a.partition - b.partition);
  return { rows, output };
}
