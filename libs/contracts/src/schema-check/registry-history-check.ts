import type { Compatibility } from '../catalog/topics';
import type { SchemaVersion } from './load-topic-schemas';
import type { CompatibilityVerdict, Registration, SchemaRegistry } from './registry-client';

/** The first version the registry refused, in its own words. */
export interface RegistryRejection {
  readonly version: number;
  readonly message: string;
}

export interface HistoryVerdict {
  readonly rejected: RegistryRejection | undefined;
  /** Versions after the rejected one: the registry never saw them. */
  readonly unchecked: readonly number[];
}

/**
 * Whether the registry refused a version. Registration is the final word: Apicurio's check of a
 * subject's versions can pass where registration, applying the transitive rule, refuses.
 */
export function rejectionOf(
  version: number,
  check: CompatibilityVerdict | undefined,
  registration: Registration,
): RegistryRejection | undefined {
  const reasons = check?.messages.length ? ` (${check.messages.join('; ')})` : '';
  if (!registration.accepted) {
    return { version, message: `${registration.message}${reasons}` };
  }
  if (check && !check.compatible) {
    return {
      version,
      message: `the compatibility check said incompatible${reasons}, yet registration was accepted`,
    };
  }
  return undefined;
}

/**
 * Replays a topic's versions, oldest first, into `subject` (a fresh scratch subject) configured
 * with the topic's level: each later version is checked, then registered. Stops at the first
 * version the registry refuses, since the ones after it would be compared with a wrong history.
 */
export async function replayHistory(
  registry: SchemaRegistry,
  subject: string,
  versions: readonly SchemaVersion[],
  level: Compatibility,
): Promise<HistoryVerdict> {
  await registry.setCompatibility(subject, level);
  for (const [index, { version, schema }] of versions.entries()) {
    const check = index === 0 ? undefined : await registry.check(subject, schema);
    // Registered even when the check says no: the refusal carries the registry's reasons.
    const registration = await registry.register(subject, schema);
    const rejected = rejectionOf(version, check, registration);
    if (rejected) {
      return { rejected, unchecked: versions.slice(index + 1).map((v) => v.version) };
    }
  }
  return { rejected: undefined, unchecked: [] };
}
