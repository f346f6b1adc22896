import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalInfraError, PortInUseError } from '../errors';
import type { InfraContext } from '../lifecycle/context';
import { fileContains } from '../process/log-file';
import { inspectPidFile } from '../process/pid-file';
import { isPortFree } from '../process/port';
import { awaitReady } from '../process/readiness';
import { spawnDetached } from '../process/spawn-detached';
import { stopManagedProcess } from '../process/stop';
import type { StopResult } from '../process/stop';
import { kafkaPomFile } from '../paths';
import type { ServiceStatus } from '../service-status';
import { ensureClusterId } from './cluster-id';
import {
  ALL_NODE_IDS,
  brokerJvmArgs,
  kafkaLog4j2File,
  kafkaProcess,
  kafkaPropertiesFile,
} from './kafka-process';
import { ensureKafkaLibs } from './kafka-libs';
import { renderLog4j2Properties } from './log4j2-properties';
import { fetchClusterMetadata } from './metadata-probe';
import {
  ADMIN_PRINCIPAL,
  ensureKafkaCredentials,
  readPassword,
  type KafkaCredentials,
} from './kafka-credentials';
import type { ProbeTls } from './metadata-probe';
import { renderServerProperties } from './server-properties';
import { formatStorage } from './storage';
import {
  bootstrapServers,
  HOST,
  kafkaTopology,
  mtlsBootstrapServers,
  portsPerNode,
} from './topology';
import type { BrokerCount, KafkaNode, KafkaTopology } from './topology';

/** Where clients reach a cluster Ferry started; `security` when it was started `--secure`. */
export interface KafkaEndpoints {
  readonly brokers: string[];
  readonly security?: KafkaSecurityEndpoints;
}

/** A secured cluster's other listener and the folder of its CA and principals' credentials. */
export interface KafkaSecurityEndpoints {
  /** Mutual-TLS listener (clients with a certificate of the local CA). */
  readonly mtlsBrokers: string[];
  readonly caFile: string;
  /** `<principal>.password` of every principal. */
  readonly credentialsFolder: string;
  /** `<principal>.crt` and `<principal>.key` of every principal. */
  readonly certificatesFolder: string;
  readonly adminPrincipal: string;
}

const STARTED_LINE = 'Kafka Server started';
const STOP_GRACE_MS = 20_000;

export function usesExternalKafka(context: InfraContext): boolean {
  return context.config.kafkaBrokers.length > 0;
}

/** Starts the nodes of the topology that are not running and waits until each one answers. */
export async function upKafka(
  context: InfraContext,
  java: string,
  brokers: BrokerCount,
  secure = false,
): Promise<KafkaEndpoints> {
  const { config, layout, log } = context;
  if (usesExternalKafka(context)) {
    log(`kafka: using KAFKA_BROKERS=${config.kafkaBrokers.join(',')} (not started by Ferry)`);
    return { brokers: [...config.kafkaBrokers] };
  }
  const topology = kafkaTopology(brokers, config.kafkaPort, join(layout.data, 'kafka'), secure);
  refuseOtherTopology(context, brokers, secure);
  const credentials = secure ? await ensureKafkaCredentials(layout.home) : undefined;
  const probeTls = credentials === undefined ? undefined : adminProbe(credentials);
  const libs = await ensureKafkaLibs(kafkaPomFile, layout.cache);
  if (libs.downloaded) log(`kafka: downloaded Kafka ${libs.version} into ${layout.cache}`);
  mkdirSync(layout.run, { recursive: true });
  mkdirSync(layout.logs, { recursive: true });
  writeFileSync(kafkaLog4j2File(layout), renderLog4j2Properties());
  const clusterId = ensureClusterId(join(topology.dataDir, 'cluster.id'));
  const waits: Array<Promise<void>> = [];
  for (const node of topology.nodes) {
    const tls =
      credentials === undefined
        ? undefined
        : { caFile: credentials.caFile, keyStoreFile: credentials.brokerKeyStore };
    writeFileSync(
      kafkaPropertiesFile(layout, node.id),
      renderServerProperties(node, topology, tls),
    );
    const target = kafkaProcess(layout, node.id);
    const state = inspectPidFile(target.pidFile);
    if (state.kind === 'running') {
      waits.push(
        awaitReady(
          target,
          state.record.pid,
          () => answersMetadata(node, topology, probeTls),
          timeoutMs(context),
        ),
      );
      continue;
    }
    await assertPortsFree(node, config.kafkaPort);
    mkdirSync(node.logDir, { recursive: true });
    await formatStorage({
      java,
      classpath: libs.classpath,
      log4j2File: kafkaLog4j2File(layout),
      clusterId,
      propertiesFile: kafkaPropertiesFile(layout, node.id),
      logDir: node.logDir,
      logFile: join(layout.logs, `kafka-${node.id}-format.log`),
      scramUsers: credentials?.principals.map((name) => ({
        name,
        password: readPassword(credentials.folder, name),
      })),
    });
    const record = await spawnDetached(target, {
      command: java,
      args: brokerJvmArgs(node, topology.heapMb, libs.classpath, layout),
      cwd: node.logDir,
      details: { brokers, port: node.port, secure: secure ? 1 : 0 },
    });
    log(
      `kafka: started ${target.name} (pid ${record.pid}, Kafka ${libs.version}) on ${HOST}:${node.port}`,
    );
    const started = async (): Promise<boolean> =>
      fileContains(target.logFile, STARTED_LINE) &&
      (await answersMetadata(node, topology, probeTls));
    waits.push(awaitReady(target, record.pid, started, timeoutMs(context)));
  }
  await Promise.all(waits);
  const servers = bootstrapServers(topology);
  if (credentials === undefined) {
    log(`kafka: ready at ${servers.join(',')}`);
    return { brokers: servers };
  }
  const security = {
    mtlsBrokers: mtlsBootstrapServers(topology),
    caFile: credentials.caFile,
    credentialsFolder: credentials.folder,
    certificatesFolder: credentials.certificatesFolder,
    adminPrincipal: ADMIN_PRINCIPAL,
  };
  log(
    `kafka: ready, secured: SASL_SSL (SCRAM) at ${servers.join(',')}, mutual TLS at ` +
      `${security.mtlsBrokers.join(',')}; credentials in ${credentials.folder}`,
  );
  return { brokers: servers, security };
}

function adminProbe(credentials: KafkaCredentials): ProbeTls {
  return {
    caFile: credentials.caFile,
    certFile: join(credentials.certificatesFolder, `${ADMIN_PRINCIPAL}.crt`),
    keyFile: join(credentials.certificatesFolder, `${ADMIN_PRINCIPAL}.key`),
  };
}

export async function downKafka(context: InfraContext): Promise<StopResult[]> {
  // Every node is signalled at once: stopped one by one, the last would wait for a lost quorum.
  return Promise.all(
    ALL_NODE_IDS.map((id) => stopManagedProcess(kafkaProcess(context.layout, id), STOP_GRACE_MS)),
  );
}

export function kafkaStatus(context: InfraContext): ServiceStatus[] {
  const { config, layout } = context;
  if (usesExternalKafka(context)) {
    return [
      {
        name: 'kafka',
        pid: undefined,
        running: true,
        endpoint: config.kafkaBrokers.join(','),
        managedByFerry: false,
      },
    ];
  }
  const statuses = ALL_NODE_IDS.map((id) => {
    const state = inspectPidFile(kafkaProcess(layout, id).pidFile);
    const running = state.kind === 'running';
    return {
      name: `kafka-${id}`,
      pid: running ? state.record.pid : undefined,
      running,
      endpoint: `${HOST}:${config.kafkaPort + portsPerNode(state.kind === 'running' && state.record.details['secure'] === 1) * (id - 1)}`,
      managedByFerry: true,
    };
  });
  const anyRunning = statuses.some((status) => status.running);
  return statuses.filter((status) => status.running || (!anyRunning && status.name === 'kafka-1'));
}

/**
 * Ready means: the node answers a Metadata request and sees every broker of its cluster (a
 * secured node on its mutual-TLS listener, as the admin).
 */
async function answersMetadata(
  node: KafkaNode,
  topology: KafkaTopology,
  tls: ProbeTls | undefined,
): Promise<boolean> {
  const metadata =
    tls === undefined || node.mtlsPort === undefined
      ? await fetchClusterMetadata(HOST, node.port)
      : await fetchClusterMetadata(HOST, node.mtlsPort, 2000, tls);
  return metadata.brokers.length === topology.nodes.length;
}

function refuseOtherTopology(context: InfraContext, brokers: BrokerCount, secure: boolean): void {
  for (const id of ALL_NODE_IDS) {
    const state = inspectPidFile(kafkaProcess(context.layout, id).pidFile);
    if (state.kind !== 'running') continue;
    const running = state.record.details;
    if (running['brokers'] !== brokers || (running['secure'] === 1) !== secure) {
      throw new LocalInfraError(
        `Kafka is running with ${String(running['brokers'])} broker(s)` +
          `${running['secure'] === 1 ? ', secured' : ''}; asked for ${brokers}` +
          (secure ? ', secured' : ''),
        'Run `down` first to switch between 1 and 3 brokers or to or from --secure.',
      );
    }
  }
}

async function assertPortsFree(node: KafkaNode, basePort: number): Promise<void> {
  for (const port of [
    node.port,
    node.controllerPort,
    ...(node.mtlsPort === undefined ? [] : [node.mtlsPort]),
  ]) {
    if (!(await isPortFree(port)))
      throw new PortInUseError(`kafka-${node.id}`, port, `FERRY_KAFKA_PORT (now ${basePort})`);
  }
}

function timeoutMs(context: InfraContext): number {
  return context.config.startTimeoutSeconds * 1000;
}
