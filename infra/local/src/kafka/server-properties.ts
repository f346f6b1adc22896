import { HOST } from './topology';
import type { KafkaNode, KafkaTopology } from './topology';

/** The server.properties of one combined-mode (broker + controller) KRaft node. */
export function renderServerProperties(node: KafkaNode, topology: KafkaTopology): string {
  const voters = topology.nodes
    .map((voter) => `${voter.id}@${HOST}:${voter.controllerPort}`)
    .join(',');
  const replicas = topology.replicationFactor;
  const minIsr = topology.minInsyncReplicas;
  const properties: ReadonlyArray<readonly [string, string | number | boolean]> = [
    ['process.roles', 'broker,controller'],
    ['node.id', node.id],
    ['controller.quorum.voters', voters],
    ['listeners', `PLAINTEXT://${HOST}:${node.port},CONTROLLER://${HOST}:${node.controllerPort}`],
    ['advertised.listeners', `PLAINTEXT://${HOST}:${node.port}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['listener.security.protocol.map', 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['log.dirs', node.logDir],
    // Services create their topics from the topic catalog; a typo must fail, not create a topic.
    ['auto.create.topics.enable', false],
    ['num.partitions', 6],
    ['default.replication.factor', replicas],
    ['min.insync.replicas', minIsr],
    ['offsets.topic.replication.factor', replicas],
    ['transaction.state.log.replication.factor', replicas],
    ['transaction.state.log.min.isr', minIsr],
    ['share.coordinator.state.topic.replication.factor', replicas],
    ['share.coordinator.state.topic.min.isr', minIsr],
    // Tests start consumers one after another; the default 3 s delay would slow every group join.
    ['group.initial.rebalance.delay.ms', 0],
  ];
  return `${properties.map(([key, value]) => `${key}=${String(value)}`).join('\n')}\n`;
}
