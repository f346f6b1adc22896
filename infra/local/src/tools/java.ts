import { join } from 'node:path';
import { ToolMissingError } from '../errors';
import { runCommand } from './run-command';

export const MINIMUM_JAVA_MAJOR = 17;

/** The `java` launcher: JAVA_HOME's when set, else the one on PATH. */
export function javaCommand(javaHome: string): string {
  return javaHome === '' ? 'java' : join(javaHome, 'bin', 'java');
}

/** Major version from `java -version` output: `1.8.0_392` is 8, `17.0.15` is 17, `21` is 21. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (match === null) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

export async function checkJava(java: string): Promise<number> {
  const hint = `Install a JDK ${MINIMUM_JAVA_MAJOR}+ (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME.`;
  const result = await runCommand(java, ['-version'], { timeoutMs: 30_000 });
  if (result === undefined)
    throw new ToolMissingError(
      `Java not found (${java}); Kafka and the schema registry need it`,
      hint,
    );
  const major = parseJavaMajor(result.output);
  if (major === undefined)
    throw new ToolMissingError(`Cannot read the Java version from: ${result.output.trim()}`, hint);
  if (major < MINIMUM_JAVA_MAJOR)
    throw new ToolMissingError(`Java ${major} found; Ferry needs ${MINIMUM_JAVA_MAJOR}+`, hint);
  return major;
}
