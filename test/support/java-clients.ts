import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const tool = resolve(__dirname, '..', 'tools', 'WireFormatProducer.java');

export interface IndependentRecord {
  readonly bootstrap: string;
  readonly topic: string;
  readonly key: string;
}

/** Produces with the Apache Kafka Java client (not kafkajs); see tools/WireFormatProducer.java. */
export async function produceWithJavaClient(
  kafkaClasspath: string,
  record: IndependentRecord,
  value:
    | {
        readonly registry: string;
        readonly subject: string;
        readonly schemaFile: string;
        readonly json: string;
      }
    | { readonly rawHex: string },
): Promise<string> {
  const args = [
    '-cp',
    kafkaClasspath,
    tool,
    '--bootstrap',
    record.bootstrap,
    '--topic',
    record.topic,
    '--key',
    record.key,
  ];
  if ('rawHex' in value) args.push('--raw-hex', value.rawHex);
  else
    args.push(
      '--registry',
      value.registry,
      '--subject',
      value.subject,
      '--schema',
      value.schemaFile,
      '--value-json',
      value.json,
    );
  const { stdout } = await run('java', ['-Xmx128m', '-Dlog4j2.level=warn', ...args], {
    timeout: 60_000,
  });
  return stdout;
}

const consumerTool = resolve(__dirname, '..', 'tools', 'WireFormatConsumer.java');

export interface IndependentlyConsumed {
  readonly key: string;
  readonly partition: number;
  readonly schemaId: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly value: Readonly<Record<string, unknown>>;
}

/**
 * Reads `max` records from the start of `topic` with the Apache Kafka Java client, decoding each
 * with the schema fetched from the registry by the id in its header; see tools/WireFormatConsumer.java.
 */
export async function consumeWithJavaClient(
  kafkaClasspath: string,
  options: {
    readonly bootstrap: string;
    readonly topic: string;
    readonly registry: string;
    readonly max: number;
  },
): Promise<IndependentlyConsumed[]> {
  const args = ['-Xmx128m', '-Dlog4j2.level=warn', '-cp', kafkaClasspath, consumerTool];
  args.push(
    '--bootstrap',
    options.bootstrap,
    '--topic',
    options.topic,
    '--registry',
    options.registry,
  );
  args.push('--max', String(options.max), '--timeout-ms', '30000');
  const { stdout } = await run('java', args, { timeout: 90_000 });
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as IndependentlyConsumed);
}
