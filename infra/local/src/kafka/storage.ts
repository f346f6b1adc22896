import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LocalInfraError } from '../errors';
import { lastLines } from '../process/log-file';
import { runCommand } from '../tools/run-command';

export interface StorageFormat {
  readonly java: string;
  readonly classpath: string;
  readonly log4j2File: string;
  readonly clusterId: string;
  readonly propertiesFile: string;
  readonly logDir: string;
  /** The tool's own output; the broker's log is rotated on every start, this one is not. */
  readonly logFile: string;
  /** SCRAM users a secured cluster starts with (SHA-512 and SHA-256 credentials each). */
  readonly scramUsers?: ReadonlyArray<{ readonly name: string; readonly password: string }>;
}

/** A formatted KRaft log dir holds meta.properties; formatting happens once per data dir. */
export function isFormatted(logDir: string): boolean {
  return existsSync(join(logDir, 'meta.properties'));
}

/** `StorageTool format`; no --standalone, as controller.quorum.voters names the quorum. */
export async function formatStorage(format: StorageFormat): Promise<void> {
  if (isFormatted(format.logDir)) return;
  const result = await runCommand(
    format.java,
    [
      '-Xmx256m',
      '-cp',
      format.classpath,
      `-Dlog4j2.configurationFile=${format.log4j2File}`,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      format.clusterId,
      '-c',
      format.propertiesFile,
      ...(format.scramUsers ?? []).flatMap(({ name, password }) =>
        ['SCRAM-SHA-512', 'SCRAM-SHA-256'].flatMap((mechanism) => [
          '--add-scram',
          `${mechanism}=[name=${name},password=${password}]`,
        ]),
      ),
    ],
    { timeoutMs: 120_000 },
  );
  if (result !== undefined) appendFileSync(format.logFile, result.output);
  if (result === undefined || result.exitCode !== 0) {
    const output =
      result === undefined ? 'java could not be run' : lastLines(result.output, 20).join('\n');
    throw new LocalInfraError(`Formatting Kafka storage in ${format.logDir} failed:\n${output}`);
  }
}
