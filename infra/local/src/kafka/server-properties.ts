import { ADMIN_PRINCIPAL, BROKER_PRINCIPAL } from './kafka-credentials';
import { HOST } from './topology';
import type { KafkaNode, KafkaTopology } from './topology';

/** The files a secured node reads: the CA bundle and its own key and certificate (PEM). */
export interface BrokerTlsFiles {
  readonly caFile: string;
  readonly keyStoreFile: string;
}

type Properties = ReadonlyArray<readonly [string, string | number | boolean]>;

/** The server.properties of one combined-mode (broker + controller) KRaft node. */
export function renderServerProperties(
  node: KafkaNode,
  topology: KafkaTopology,
  tls?: BrokerTlsFiles,
): string {
  const voters = topology.nodes
    .map((voter) => `${voter.id}@${HOST}:${voter.controllerPort}`)
    .join(',');
  const replicas = topology.replicationFactor;
  const minIsr = topology.minInsyncReplicas;
  const properties: Properties = [
    ['process.roles', 'broker,controller'],
    ['node.id', node.id],
    ['controller.quorum.voters', voters],
    ...(topology.secure ? securedListeners(node, tls) : plaintextListeners(node)),
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

function plaintextListeners(node: KafkaNode): Properties {
  return [
    ['listeners', `PLAINTEXT://${HOST}:${node.port},CONTROLLER://${HOST}:${node.controllerPort}`],
    ['advertised.listeners', `PLAINTEXT://${HOST}:${node.port}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['listener.security.protocol.map', 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
  ];
}

const SCRAM_LOGIN = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';

/**
 * A locked-down node: clients authenticate with SCRAM over TLS (SASL_SSL) or with a certificate
 * (MTLS); brokers and the controller quorum talk over mutual TLS as `User:ferry-broker`. Nothing
 * listens in plaintext. The StandardAuthorizer allows only what an ACL allows; the super users
 * are the brokers and the admin. A certificate's CN is its principal, like a SCRAM user name.
 */
function securedListeners(node: KafkaNode, tls: BrokerTlsFiles | undefined): Properties {
  if (tls === undefined || node.mtlsPort === undefined)
    throw new Error('a secured node needs its TLS files and a mutual-TLS port');
  return [
    [
      'listeners',
      `SASL_SSL://${HOST}:${node.port},CONTROLLER://${HOST}:${node.controllerPort},MTLS://${HOST}:${node.mtlsPort}`,
    ],
    ['advertised.listeners', `SASL_SSL://${HOST}:${node.port},MTLS://${HOST}:${node.mtlsPort}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['listener.security.protocol.map', 'SASL_SSL:SASL_SSL,CONTROLLER:SSL,MTLS:SSL'],
    ['inter.broker.listener.name', 'MTLS'],
    ['sasl.enabled.mechanisms', 'SCRAM-SHA-512,SCRAM-SHA-256'],
    ['listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config', SCRAM_LOGIN],
    ['listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config', SCRAM_LOGIN],
    ['listener.name.mtls.ssl.client.auth', 'required'],
    ['listener.name.controller.ssl.client.auth', 'required'],
    ['ssl.keystore.type', 'PEM'],
    ['ssl.keystore.location', tls.keyStoreFile],
    ['ssl.truststore.type', 'PEM'],
    ['ssl.truststore.location', tls.caFile],
    ['ssl.endpoint.identification.algorithm', 'https'],
    ['ssl.principal.mapping.rules', 'RULE:^CN=([a-z0-9.-]+)$/$1/,DEFAULT'],
    ['authorizer.class.name', 'org.apache.kafka.metadata.authorizer.StandardAuthorizer'],
    ['super.users', `User:${ADMIN_PRINCIPAL};User:${BROKER_PRINCIPAL}`],
    ['allow.everyone.if.no.acl.found', false],
  ];
}
