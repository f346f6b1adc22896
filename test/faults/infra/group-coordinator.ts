import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testEnvironment, waitFor } from '@ferry/test-support';

const run = promisify(execFile);

/**
 * The node id of the broker coordinating `group`, as Kafka's own ConsumerGroupCommand (from the
 * kafka-tools jar on FERRY_KAFKA_CLASSPATH) reports it: `COORDINATOR (ID)` of `--describe --state`.
 */
export async function groupCoordinator(bootstrap: string, group: string): Promise<number> {
  const classpath = testEnvironment().kafkaClasspath;
  if (!classpath)
    throw new Error(
      'FERRY_KAFKA_CLASSPATH is not set: `npm test` sets it to the Kafka client jars',
    );
  return waitFor(
    `the coordinator of ${group}`,
    async () => {
      const { stdout } = await run(
        'java',
        [
          '-Xmx128m',
          '-Dlog4j2.level=warn',
          '-cp',
          classpath,
          'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
          '--bootstrap-server',
          bootstrap,
          '--describe',
          '--group',
          group,
          '--state',
        ],
        { timeout: 60_000 },
      );
      return coordinatorIn(stdout, group);
    },
    { timeoutMs: 90_000, intervalMs: 1000 },
  );
}

/** The id in `host:port (id)` on the group's line of the command's table. */
export function coordinatorIn(output: string, group: string): number | undefined {
  for (const line of output.split('\n')) {
    const columns = line.trim().split(/\s+/);
    if (columns[0] !== group) continue;
    const match = /\((\d+)\)/.exec(line);
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return undefined;
}
