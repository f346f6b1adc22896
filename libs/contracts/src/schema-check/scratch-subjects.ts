import { randomUUID } from 'node:crypto';
import type { SchemaRegistry } from './registry-client';

/** A prefix no other run uses: runs may share a registry (CI jobs, developers, tests). */
export function newScratchPrefix(): string {
  return `ferry-schema-check-${randomUUID().slice(0, 8)}`;
}

export function scratchSubject(prefix: string, realSubject: string): string {
  return `${prefix}.${realSubject}`;
}

/**
 * Deletes scratch subjects (soft, then permanently, which also drops their config). Best effort:
 * returns a warning for each subject left behind instead of failing the check.
 */
export async function deleteScratchSubjects(
  registry: SchemaRegistry,
  subjects: readonly string[],
): Promise<string[]> {
  const warnings: string[] = [];
  for (const subject of subjects) {
    try {
      await registry.deleteSubject(subject, { permanent: false });
      await registry.deleteSubject(subject, { permanent: true });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      warnings.push(`could not delete scratch subject ${subject}: ${reason}`);
    }
  }
  return warnings;
}
