import { Type, type Schema } from 'avsc';
import type { Compatibility } from '../catalog/topics';
import { explainEvolution, type VersionedType } from './explain-evolution';
import type { SchemaVersion } from './load-topic-schemas';
import type { SchemaRegistry } from './registry-client';

export interface LiveVerdict {
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

async function registeredType(
  registry: SchemaRegistry,
  subject: string,
  version: number,
): Promise<VersionedType | string> {
  const label = `registered v${version}`;
  const body = await registry.schemaAt(subject, version);
  try {
    const schema: unknown = typeof body === 'string' ? JSON.parse(body) : body;
    // avsc checks the document; the cast only hands it over.
    return { label, type: Type.forSchema(schema as Schema) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `${label} of ${subject} cannot be read by avsc: ${reason}`;
  }
}

/**
 * Compares the newest repository version with what the registry really holds for `subject`,
 * registering nothing: the registry's verdict, the field-level causes against each registered
 * version, and whether the subject is configured with the catalog's level.
 */
export async function checkAgainstLive(
  registry: SchemaRegistry,
  subject: string,
  versions: readonly SchemaVersion[],
  level: Compatibility,
): Promise<LiveVerdict> {
  const newest = versions.at(-1);
  const registered = await registry.versions(subject);
  if (!newest || !registered || registered.length === 0) {
    return { problems: [], notes: [`live: ${subject} is not registered yet`] };
  }
  const problems: string[] = [];
  const configured = await registry.compatibilityOf(subject);
  if (configured !== level) {
    problems.push(
      `live: ${subject} has compatibility ${configured ?? '(none)'} in the registry, the catalog says ${level}`,
    );
  }
  const verdict = await registry.check(subject, newest.schema);
  const registeredList = `registered versions ${registered.join(', ')}`;
  if (!verdict.compatible) {
    const reasons = verdict.messages.length > 0 ? `: ${verdict.messages.join('; ')}` : '';
    problems.push(
      `live: the registry finds v${newest.version} incompatible with ${registeredList}${reasons}`,
    );
  }
  const repoNewest: VersionedType = { label: `v${newest.version}`, type: newest.type };
  const notes: string[] = [];
  for (const version of registered) {
    const older = await registeredType(registry, subject, version);
    if (typeof older === 'string') {
      notes.push(`live: ${older}`);
      continue;
    }
    for (const problem of explainEvolution(older, repoNewest, level)) {
      problems.push(`live: v${newest.version}: ${problem.message}`);
    }
  }
  if (problems.length === 0) notes.push(`live: v${newest.version} fits ${registeredList}`);
  return { problems, notes };
}
