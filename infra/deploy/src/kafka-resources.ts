import type { IKafkaTopic } from '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaTopic' with {
  'resolution-mode': 'import',
};
import type { IKafkaUser } from '@kubernetes-models/strimzi-kafka-operator/kafka.strimzi.io/v1/KafkaUser' with {
  'resolution-mode': 'import',
};
import { AllTopics, ServiceAccess, topicDeclarations } from '@ferry/contracts';
import { deriveAcls, type AclRule } from '@ferry/kafka-runtime';
import { KafkaCluster } from './environment';

/**
 * Strimzi resources use the `kafka.strimzi.io/v1` API of Strimzi 0.49 and later (v1beta2 is
 * deprecated there; its ACL rules name one `operation`, v1 a list of `operations`).
 */
type KafkaTopic = IKafkaTopic & { metadata: { name: string } };
type KafkaUser = IKafkaUser & { metadata: { name: string } };
type StrimziAcl = NonNullable<IKafkaUser['spec']['authorization']>['acls'][number];
type StrimziOperation = StrimziAcl['operations'][number];

/** Replication of the base; the dev overlay patches both to 1 (a single broker). */
export const TopicReplication = { replicas: 3, minInsyncReplicas: 2 } as const;

const clusterLabel = { 'strimzi.io/cluster': KafkaCluster };

/**
 * One KafkaTopic per topic the services create themselves outside Kubernetes: the catalog's
 * `topicDeclarations` (main topic, one per retry tier, dead-letter topic), so partitions,
 * retention and cleanup policy are the same everywhere.
 */
export function kafkaTopics(): KafkaTopic[] {
  return AllTopics.flatMap((spec) => topicDeclarations(spec)).map((topic) => ({
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaTopic',
    metadata: { name: topic.name, labels: clusterLabel },
    spec: {
      partitions: topic.partitions,
      replicas: TopicReplication.replicas,
      config: {
        ...topic.config,
        'min.insync.replicas': String(TopicReplication.minInsyncReplicas),
      },
    },
  }));
}

const operationName: Record<AclRule['operation'], StrimziOperation> = {
  READ: 'Read',
  WRITE: 'Write',
  DESCRIBE: 'Describe',
  DELETE: 'Delete',
};

/**
 * One KafkaUser per principal (each service's and the operators' `ferry-ops`) carrying exactly
 * the rules `deriveAcls` derives, the set `ops acls apply` would create. Rules on the same
 * resource and pattern share one entry with their operations listed.
 *
 * Authentication is SCRAM-SHA-512: Strimzi makes a Secret named after the user with its
 * `password`. To use mutual TLS instead, patch `spec.authentication.type` to `tls` (Strimzi then
 * issues `user.crt`/`user.key` in that Secret, principal `User:CN=<name>`, with the same ACLs) and
 * give the services KAFKA_SECURITY_PROTOCOL=SSL with KAFKA_SSL_CERT_FILE/KAFKA_SSL_KEY_FILE
 * pointing into the mounted Secret.
 */
export function kafkaUsers(): KafkaUser[] {
  const rules = deriveAcls(ServiceAccess);
  const principals = [...new Set(rules.map((rule) => rule.principal))].sort();
  return principals.map((principal) => ({
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaUser',
    metadata: { name: principal.replace(/^User:/, ''), labels: clusterLabel },
    spec: {
      authentication: { type: 'scram-sha-512' },
      authorization: {
        type: 'simple',
        acls: strimziAcls(rules.filter((rule) => rule.principal === principal)),
      },
    },
  }));
}

function strimziAcls(rules: readonly AclRule[]): StrimziAcl[] {
  const byResource = new Map<string, StrimziAcl>();
  for (const rule of rules) {
    const key = `${rule.resourceType} ${rule.pattern} ${rule.resourceName}`;
    const entry = byResource.get(key) ?? {
      type: 'allow' as const,
      resource: {
        type: rule.resourceType === 'TOPIC' ? ('topic' as const) : ('group' as const),
        name: rule.resourceName,
        patternType: rule.pattern === 'PREFIXED' ? ('prefix' as const) : ('literal' as const),
      },
      operations: [],
    };
    entry.operations.push(operationName[rule.operation]);
    byResource.set(key, entry);
  }
  return [...byResource.values()];
}

/** The rules a KafkaUser carries, one per operation, in deriveAcls' terms: what the test compares. */
export function rulesOfUser(user: KafkaUser): AclRule[] {
  const operation = Object.fromEntries(
    Object.entries(operationName).map(([ours, theirs]) => [theirs, ours]),
  ) as Record<StrimziOperation, AclRule['operation'] | undefined>;
  return (user.spec.authorization?.acls ?? []).flatMap((acl) =>
    acl.operations.map((op) => {
      const mapped = operation[op];
      if (mapped === undefined) throw new Error(`operation ${op} is not one Ferry derives`);
      return {
        principal: `User:${user.metadata.name}`,
        resourceType: resourceTypeOf(acl.resource.type),
        resourceName: acl.resource.name ?? '',
        pattern: acl.resource.patternType === 'prefix' ? 'PREFIXED' : 'LITERAL',
        operation: mapped,
      } satisfies AclRule;
    }),
  );
}

function resourceTypeOf(type: StrimziAcl['resource']['type']): AclRule['resourceType'] {
  if (type === 'topic') return 'TOPIC';
  if (type === 'group') return 'GROUP';
  throw new Error(`resource type ${type} is not one Ferry derives`);
}
