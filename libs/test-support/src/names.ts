import { randomBytes } from 'node:crypto';

/**
 * A name no other test run uses: for topics, consumer groups, subjects and database schemas.
 * Lowercase letters, digits and `_` only, so it is valid in all four places.
 */
export function uniqueName(prefix: string): string {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  return `${clean}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}
