import { AllTopics, ServiceAccess, topicDeclarations } from '@ferry/contracts';
import { deriveAcls, type AclRule } from '@ferry/kafka-runtime';
import { kafkaTopics, kafkaUsers, rulesOfUser, TopicReplication } from './kafka-resources';

const key = (rule: AclRule): string =>
  [rule.principal, rule.operation, rule.resourceType, rule.resourceName, rule.pattern].join(' ');

describe('KafkaUsers', () => {
  it('carry exactly the rules deriveAcls derives, rule by rule', () => {
    const carried = kafkaUsers().flatMap(rulesOfUser).map(key).sort();
    const derived = deriveAcls(ServiceAccess).map(key).sort();
    expect(carried).toEqual(derived);
  });

  it('exist for every service principal and the operators', () => {
    const names = kafkaUsers().map((user) => user.metadata.name);
    expect(names.sort()).toEqual(
      [...ServiceAccess.map((access) => access.principal), 'ferry-ops'].sort(),
    );
  });
});

describe('KafkaTopics', () => {
  it('declare every topic of the catalog with its retry tiers and dead-letter topic, as created', () => {
    const declared = new Map(kafkaTopics().map((topic) => [topic.metadata.name, topic.spec]));
    const expected = AllTopics.flatMap((spec) => topicDeclarations(spec));
    expect([...declared.keys()].sort()).toEqual(expected.map((topic) => topic.name).sort());
    for (const topic of expected)
      expect(declared.get(topic.name)).toEqual({
        partitions: topic.partitions,
        replicas: TopicReplication.replicas,
        config: {
          ...topic.config,
          'min.insync.replicas': String(TopicReplication.minInsyncReplicas),
        },
      });
  });
});
