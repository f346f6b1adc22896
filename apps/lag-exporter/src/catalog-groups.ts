import { DefaultRetryDelaysMs, retryTopicOf, ServiceAccess, Topics } from '@ferry/contracts';

/**
 * Each service's default consumer group with the topics it reads: its catalog topic and that
 * topic's retry tiers. Reported even when Kafka lists no such group, so that a consumer that never
 * started, or whose offsets expired while it was down, still shows what waits for it.
 */
export function catalogGroups(
  retryDelaysMs: readonly number[] = DefaultRetryDelaysMs,
): { group: string; topics: string[] }[] {
  const topicsByGroup = new Map<string, string[]>();
  for (const access of ServiceAccess)
    for (const { topic, group } of access.consumes) {
      const name = Topics[topic].name;
      const topics = topicsByGroup.get(group) ?? [];
      topics.push(name, ...retryDelaysMs.map((delay) => retryTopicOf(name, delay)));
      topicsByGroup.set(group, topics);
    }
  return [...topicsByGroup].map(([group, topics]) => ({ group, topics }));
}
