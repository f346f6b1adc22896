import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  ResourcePatternTypes,
  type AclEntry,
  type Kafka,
} from '../external/kafka.interface';
import {
  planAclChange,
  type AclChange,
  type AclOperation,
  type AclPattern,
  type AclResourceType,
  type AclRule,
} from './acl-plan';

const OPERATIONS: Readonly<Record<AclOperation, AclOperationTypes>> = {
  READ: AclOperationTypes.READ,
  WRITE: AclOperationTypes.WRITE,
  DESCRIBE: AclOperationTypes.DESCRIBE,
  DELETE: AclOperationTypes.DELETE,
};

/**
 * Reads the ALLOW rules the cluster holds for the given principals, compares them with `wanted`
 * and, unless `dryRun`, creates what is missing and deletes what is no longer derived. Rules of
 * other principals are never touched; a rule of a Ferry principal that Ferry cannot express (a
 * DENY, a host, another resource type) is reported as left alone.
 */
export async function applyAcls(
  kafka: Kafka,
  wanted: readonly AclRule[],
  principals: readonly string[],
  dryRun: boolean,
): Promise<AclChange & { readonly foreign: readonly string[] }> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { rules: current, foreign } = await currentRules(admin, new Set(principals));
    const change = planAclChange(wanted, current);
    if (!dryRun) {
      if (change.create.length > 0) await admin.createAcls({ acl: change.create.map(toEntry) });
      if (change.remove.length > 0) await admin.deleteAcls({ filters: change.remove.map(toEntry) });
      await untilInPlace(admin, wanted, new Set(principals));
    }
    return { ...change, foreign };
  } finally {
    await admin.disconnect();
  }
}

type Admin = ReturnType<Kafka['admin']>;

const IN_PLACE_WAIT_MS = 30_000;

/**
 * The controller accepts a change before the broker that answers Describe has applied it: done
 * means the broker shows exactly the wanted rules.
 */
async function untilInPlace(
  admin: Admin,
  wanted: readonly AclRule[],
  principals: ReadonlySet<string>,
): Promise<void> {
  const deadline = Date.now() + IN_PLACE_WAIT_MS;
  for (;;) {
    const { rules } = await currentRules(admin, principals);
    const left = planAclChange(wanted, rules);
    if (left.create.length === 0 && left.remove.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(
        `the cluster still lacks ${left.create.length} and holds ${left.remove.length} ` +
          `unwanted ACLs ${IN_PLACE_WAIT_MS / 1000} s after the change`,
      );
    await new Promise((done) => setTimeout(done, 200));
  }
}

async function currentRules(
  admin: Admin,
  principals: ReadonlySet<string>,
): Promise<{ rules: AclRule[]; foreign: string[] }> {
  const answer = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  const rules: AclRule[] = [];
  const foreign: string[] = [];
  for (const resource of answer.resources) {
    for (const acl of resource.acls) {
      if (!principals.has(acl.principal)) continue;
      const rule = fromEntry({ ...resource, ...acl });
      if (rule === undefined)
        foreign.push(
          `${acl.principal} ${AclPermissionTypes[acl.permissionType]} ${AclOperationTypes[acl.operation]} ` +
            `${AclResourceTypes[resource.resourceType]} ${resource.resourceName} from ${acl.host}`,
        );
      else rules.push(rule);
    }
  }
  return { rules, foreign };
}

const RESOURCE_TYPES: Readonly<Record<AclResourceType, AclResourceTypes>> = {
  TOPIC: AclResourceTypes.TOPIC,
  GROUP: AclResourceTypes.GROUP,
};

const PATTERNS: Readonly<Record<AclPattern, ResourcePatternTypes>> = {
  LITERAL: ResourcePatternTypes.LITERAL,
  PREFIXED: ResourcePatternTypes.PREFIXED,
};

function toEntry(rule: AclRule): AclEntry {
  return {
    principal: rule.principal,
    host: '*',
    operation: OPERATIONS[rule.operation],
    permissionType: AclPermissionTypes.ALLOW,
    resourceType: RESOURCE_TYPES[rule.resourceType],
    resourceName: rule.resourceName,
    resourcePatternType: PATTERNS[rule.pattern],
  };
}

/** The name whose kafkajs code is `code`; undefined for what Ferry never derives. */
function nameOf<K extends string, V>(table: Readonly<Record<K, V>>, code: V): K | undefined {
  return (Object.keys(table) as K[]).find((name) => table[name] === code);
}

function fromEntry(entry: AclEntry): AclRule | undefined {
  if (entry.permissionType !== AclPermissionTypes.ALLOW || entry.host !== '*') return undefined;
  const operation = nameOf(OPERATIONS, entry.operation);
  const resourceType = nameOf(RESOURCE_TYPES, entry.resourceType);
  const pattern = nameOf(PATTERNS, entry.resourcePatternType);
  if (operation === undefined || resourceType === undefined || pattern === undefined)
    return undefined;
  return {
    principal: entry.principal,
    resourceType,
    resourceName: entry.resourceName,
    pattern,
    operation,
  };
}
