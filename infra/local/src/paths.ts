import { join, resolve } from 'node:path';

// This file sits directly in src/ (tests) or dist/ (built), so the package root is one level up.
export const packageRoot = resolve(__dirname, '..');
export const repoRoot = resolve(packageRoot, '..', '..');
export const kafkaPomFile = join(packageRoot, 'maven', 'kafka.pom.xml');

/** Folders under the Ferry home (git-ignored `.ferry/`). */
export interface FerryLayout {
  readonly home: string;
  /** Downloads (Kafka libs, Apicurio), one folder per version, reused across runs. */
  readonly cache: string;
  /** Pid files, generated configuration, endpoints.json. */
  readonly run: string;
  /** Kafka log dirs and the embedded Postgres cluster. */
  readonly data: string;
  /** One log file per process. */
  readonly logs: string;
  readonly endpointsFile: string;
}

export function layoutOf(home: string): FerryLayout {
  const run = join(home, 'run');
  return {
    home,
    cache: join(home, 'cache'),
    run,
    data: join(home, 'data'),
    logs: join(home, 'logs'),
    endpointsFile: join(run, 'endpoints.json'),
  };
}
