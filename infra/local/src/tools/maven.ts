import { LocalInfraError, ToolMissingError } from '../errors';
import { lastLines } from '../process/log-file';
import { runCommand } from './run-command';

const MAVEN_TIMEOUT_MS = 30 * 60_000;

/** Maven is needed only to fill the download cache, so it is checked only then. */
export async function checkMaven(): Promise<void> {
  const result = await runCommand('mvn', ['-v'], { timeoutMs: 60_000 });
  if (result === undefined || result.exitCode !== 0) {
    throw new ToolMissingError(
      'Maven (mvn) not found; Ferry downloads Kafka and Apicurio from Maven Central with it',
      'Install Maven 3.8+ (e.g. apt-get install maven); it is needed once, to fill .ferry/cache.',
    );
  }
}

/** Copies the runtime classpath of `pomFile` into `outputDirectory`. */
export async function copyDependencies(pomFile: string, outputDirectory: string): Promise<void> {
  await runMaven('copy the Kafka classpath', [
    '-q',
    '-B',
    '-f',
    pomFile,
    'dependency:copy-dependencies',
    '-DincludeScope=runtime',
    `-DoutputDirectory=${outputDirectory}`,
  ]);
}

/** Downloads one artifact (`group:artifact:version[:type[:classifier]]`) into `outputDirectory`. */
export async function copyArtifact(
  artifact: string,
  outputDirectory: string,
  cwd: string,
): Promise<void> {
  await runMaven(
    `download ${artifact}`,
    [
      '-q',
      '-B',
      'dependency:copy',
      `-Dartifact=${artifact}`,
      `-DoutputDirectory=${outputDirectory}`,
    ],
    cwd,
  );
}

async function runMaven(purpose: string, args: readonly string[], cwd?: string): Promise<void> {
  await checkMaven();
  const result = await runCommand('mvn', args, {
    timeoutMs: MAVEN_TIMEOUT_MS,
    ...(cwd === undefined ? {} : { cwd }),
  });
  if (result === undefined || result.exitCode !== 0) {
    const output =
      result === undefined ? 'mvn could not be run' : lastLines(result.output, 30).join('\n');
    throw new LocalInfraError(
      `Maven failed to ${purpose}:\n${output}`,
      'Check the network access to Maven Central.',
    );
  }
}
