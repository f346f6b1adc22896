import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { testEnvironment } from '@ferry/test-support';

const run = promisify(execFile);

/**
 * Deletes the topics a case created (each name given, and its retry and dead-letter topics,
 * `<name>.…`) with Kafka's own TopicCommand, so that the suite's runs do not pile partitions up
 * in a long-lived shared broker. Best effort: a case's figures never depend on it; the error is
 * returned for the caller to report.
 */
export async function deleteCaseTopics(
  bootstrap: string,
  names: readonly string[],
): Promise<string | undefined> {
  const classpath = testEnvironment().kafkaClasspath;
  if (!classpath || names.length === 0) return undefined;
  try {
    await run(
      'java',
      [
        '-Xmx128m',
        '-Dlog4j2.level=warn',
        '-cp',
        classpath,
        'org.apache.kafka.tools.TopicCommand',
        '--bootstrap-server',
        bootstrap,
        '--delete',
        '--if-exists',
        '--topic',
        caseTopicsPattern(names),
      ],
      { timeout: 60_000 },
    );
    return undefined;
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A Java regex matching each name and the topics derived from it (`name.retry.1s`, `name.dlq`). */
export function caseTopicsPattern(names: readonly string[]): string {
  const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(${escaped.join('|')})(\\..+)?`;
}
