import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCachedDir } from '../cache/cached-dir';
import { LocalInfraError } from '../errors';
import { copyDependencies } from '../tools/maven';

/** The Kafka version is pinned once, in the pom; this reads it from there. */
export function kafkaVersionOf(pomText: string): string | undefined {
  return /<kafka\.version>\s*([^<\s]+)\s*<\/kafka\.version>/.exec(pomText)?.[1];
}

export interface KafkaLibs {
  readonly version: string;
  /** A `java -cp` entry covering every jar. */
  readonly classpath: string;
  readonly downloaded: boolean;
}

/**
 * The broker's runtime classpath, copied from Maven Central once per pom content (a changed
 * logging backend or version gets a fresh folder).
 */
export async function ensureKafkaLibs(
  pomFile: string,
  cacheRoot: string,
  onDownload: (version: string) => void = () => undefined,
): Promise<KafkaLibs> {
  const pomText = readFileSync(pomFile, 'utf8');
  const version = kafkaVersionOf(pomText);
  if (version === undefined) throw new LocalInfraError(`No <kafka.version> in ${pomFile}`);
  const digest = createHash('sha256').update(pomText).digest('hex').slice(0, 8);
  const { directory, downloaded } = await ensureCachedDir(
    join(cacheRoot, `kafka-${version}-${digest}`),
    (scratch) => copyDependencies(pomFile, join(scratch, 'libs')),
    () => {
      onDownload(version);
    },
  );
  return { version, classpath: join(directory, 'libs', '*'), downloaded };
}
