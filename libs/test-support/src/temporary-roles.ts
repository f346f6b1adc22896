import { randomBytes } from 'node:crypto';
import { dropRoles, ensureRole, type RoleSpec } from '@ferry/persistence';
import { uniqueName } from './names';

export interface TemporaryRole {
  readonly name: string;
  /** The test database's URL, logged in as this role (with its password). */
  readonly url: string;
}

export interface TemporaryRoles<K extends string> {
  readonly roles: Readonly<Record<K, TemporaryRole>>;
  /** Drops the roles with everything granted to them or owned by them in the test database. */
  drop(): Promise<void>;
}

/**
 * Postgres roles of one test, each with a unique name and a random password (roles are
 * server-wide: tests sharing a server never see each other's). `memberOf` names other keys,
 * given before it.
 */
export async function temporaryRoles<K extends string>(
  adminUrl: string,
  specs: Readonly<
    Record<K, Omit<RoleSpec, 'name' | 'password' | 'memberOf'> & { memberOf?: NoInfer<K>[] }>
  >,
): Promise<TemporaryRoles<K>> {
  const keys = Object.keys(specs) as K[];
  const names = Object.fromEntries(keys.map((key) => [key, uniqueName(`ferry_${key}`)])) as Record<
    K,
    string
  >;
  const roles = {} as Record<K, TemporaryRole>;
  try {
    for (const key of keys) {
      const password = randomBytes(16).toString('hex');
      const spec = specs[key];
      await ensureRole(adminUrl, {
        ...spec,
        name: names[key],
        password,
        memberOf: (spec.memberOf ?? []).map((group) => names[group]),
      });
      const url = new URL(adminUrl);
      url.username = names[key];
      url.password = password;
      roles[key] = { name: names[key], url: url.toString() };
    }
  } catch (error: unknown) {
    await dropRoles(adminUrl, Object.values(names));
    throw error;
  }
  return { roles, drop: () => dropRoles(adminUrl, Object.values(names)) };
}
