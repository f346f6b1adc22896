import { silentLogger } from '@ferry/observability';
import { fetchPartitionOffsets, type PartitionOffsets } from '../admin/offsets';
import { createKafka, type KafkaConnection } from '../connection';
import { AssignerProtocol, type Admin } from '../external/kafka.interface';
import { mapLimited } from './map-limited';
import {
  committedOffsetOf,
  groupStateOf,
  partitionLagOf,
  type GroupLag,
  type PartitionLag,
} from './group-lag';

/** Which groups to report and how hard to press the brokers. */
export interface GroupSelection {
  /** Every group whose id starts with this is reported (listGroups). */
  readonly groupPrefix: string;
  /**
   * Groups reported even when Kafka does not list them (all members down and offsets expired,
   * or never started), with the topics they read: the catalog's default groups.
   */
  readonly knownGroups: readonly { readonly group: string; readonly topics: readonly string[] }[];
  /** Most admin requests in flight at once. */
  readonly concurrency: number;
}

/**
 * Reads every selected group's state, members and, per partition it reads, the committed offset
 * and the log end offset. A group reads a partition when it committed an offset there, when a
 * member is assigned it, or when the catalog says it reads the topic. One read of each topic's
 * offsets serves every group. As Kafka's own tool does, the committed offsets are read before the
 * log end offsets: a consumer moving on between the two reads makes the lag overstated by what
 * was produced meanwhile, never negative.
 */
export async function readGroupLag(admin: Admin, selection: GroupSelection): Promise<GroupLag[]> {
  const existingTopics = (await admin.listTopics()).filter((topic) => !topic.startsWith('__'));
  const groups = await selectedGroups(admin, selection);
  if (groups.length === 0) return [];
  const { groups: described } = await admin.describeGroups(groups);
  const reads = await mapLimited(described, selection.concurrency, async (description) => {
    const committed = await committedOffsets(admin, description.groupId, existingTopics);
    const known = selection.knownGroups.find((item) => item.group === description.groupId);
    const topics = new Set([
      ...committed.keys(),
      ...assignedTopics(description.members.map((member) => member.memberAssignment)),
      ...(known?.topics ?? []),
    ]);
    return {
      description,
      committed,
      topics: [...topics].filter((topic) => existingTopics.includes(topic)).sort(),
    };
  });
  const topicOffsets = new Map<string, readonly PartitionOffsets[]>();
  const wanted = [...new Set(reads.flatMap((read) => read.topics))];
  await mapLimited(wanted, selection.concurrency, async (topic) => {
    topicOffsets.set(topic, await fetchPartitionOffsets(admin, topic));
  });
  return reads.map(({ description, committed, topics }) => {
    const partitions: PartitionLag[] = [];
    for (const topic of topics)
      for (const offsets of topicOffsets.get(topic) ?? [])
        partitions.push(
          partitionLagOf(topic, offsets, committed.get(topic)?.get(offsets.partition)),
        );
    return {
      group: description.groupId,
      state: groupStateOf(description.state),
      members: description.members.length,
      partitions,
    };
  });
}

async function selectedGroups(admin: Admin, selection: GroupSelection): Promise<string[]> {
  const { groups } = await admin.listGroups();
  const listed = groups
    .filter((group) => group.protocolType === 'consumer' || group.protocolType === '')
    .map((group) => group.groupId)
    .filter((id) => id.startsWith(selection.groupPrefix));
  return [...new Set([...listed, ...selection.knownGroups.map((item) => item.group)])].sort();
}

/**
 * The group's committed offsets by topic and partition, only where there is one. kafkajs sends
 * an empty topic list as "no topics", not "all": the group is asked about every topic.
 */
async function committedOffsets(
  admin: Admin,
  groupId: string,
  topics: readonly string[],
): Promise<Map<string, Map<number, bigint>>> {
  const byTopic = new Map<string, Map<number, bigint>>();
  if (topics.length === 0) return byTopic;
  const answer = await admin.fetchOffsets({ groupId, topics: [...topics] });
  for (const { topic, partitions } of answer) {
    for (const { partition, offset } of partitions) {
      const committed = committedOffsetOf(offset);
      if (committed === undefined) continue;
      const known = byTopic.get(topic) ?? new Map<number, bigint>();
      known.set(partition, committed);
      byTopic.set(topic, known);
    }
  }
  return byTopic;
}

/** Topics handed to the group's members at the last rebalance (empty for a group with none). */
function assignedTopics(assignments: readonly Buffer[]): string[] {
  const topics: string[] = [];
  for (const buffer of assignments) {
    if (buffer.length === 0) continue;
    try {
      const decoded = AssignerProtocol.MemberAssignment.decode(buffer);
      if (decoded) topics.push(...Object.keys(decoded.assignment));
    } catch {
      // Not a consumer protocol assignment (another client's format): its offsets still count.
    }
  }
  return topics;
}

/** `readGroupLag` with a client of its own, for tools and tests that hold no admin client. */
export async function readConsumerGroupLag(
  connection: KafkaConnection,
  selection: GroupSelection,
): Promise<GroupLag[]> {
  const admin = createKafka(connection, silentLogger).admin();
  await admin.connect();
  try {
    return await readGroupLag(admin, selection);
  } finally {
    await admin.disconnect();
  }
}
