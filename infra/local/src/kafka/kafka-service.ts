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
import { renderServerProperties } from './server-properties';
import { formatStorage } from './storage';
import { bootstrapServers, HOST, kafkaTopology } from './topology';
import type { BrokerCount, KafkaNode, KafkaTopology } from './topology';

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
): Promise<string[]> {
  const { config, layout, log } = context;
  if (usesExternalKafka(context)) {
    log(`kafka: using KAFKA_BROKERS=${config.kafkaBrokers.join(',')} (not started by Ferry)`);
    return [...config.kafkaBrokers];
  }
  const topology = kafkaTopology(brokers, config.kafkaPort, join(layout.data, 'kafka'));
  refuseOtherTopology(context, brokers);
  const libs = await ensureKafkaLibs(kafkaPomFile, layout.cache);
  if (libs.downloaded) log(`kafka: downloaded Kafka ${libs.version} into ${layout.cache}`);
  mkdirSync(layout.run, { recursive: true });
  mkdirSync(layout.logs, { recursive: true });
  writeFileSync(kafkaLog4j2File(layout), renderLog4j2Properties());
  const clusterId = ensureClusterId(join(topology.dataDir, 'cluster.id'));
  const waits: Array<Promise<void>> = [];
  for (const node of topology.nodes) {
    writeFileSync(kafkaPropertiesFile(layout, node.id), renderServerProperties(node, topology));
    const target = kafkaProcess(layout, node.id);
    const state = inspectPidFile(target.pidFile);
    if (state.kind === 'running') {
      waits.push(
        awaitReady(
          target,
          state.record.pid,
          () => answersMetadata(node, topology),
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
    });
    const record = await spawnDetached(target, {
      command: java,
      args: brokerJvmArgs(node, topology.heapMb, libs.classpath, layout),
      cwd: node.logDir,
      details: { brokers, port: node.port },
    });
    log(
      `kafka: started ${target.name} (pid ${record.pid}, Kafka ${libs.version}) on ${HOST}:${node.port}`,
    );
    const started = async (): Promise<boolean> =>
      fileContains(target.logFile, STARTED_LINE) && (await answersMetadata(node, topology));
    waits.push(awaitReady(target, record.pid, started, timeoutMs(context)));
  }
  await Promise.all(waits);
  const servers = bootstrapServers(topology);
  log(`kafka: ready at ${servers.join(',')}`);
  return servers;
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
      endpoint: `${HOST}:${config.kafkaPort + 2 * (id - 1)}`,
      managedByFerry: true,
    };
  });
  const anyRunning = statuses.some((status) => status.running);
  return statuses.filter((status) => status.running || (!anyRunning && status.name === 'kafka-1'));
}

/** Ready means: the node answers a Metadata request and sees every broker of its cluster. */
async function answersMetadata(node: KafkaNode, topology: KafkaTopology): Promise<boolean> {
  const metadata = await fetchClusterMetadata(HOST, node.port);
  return metadata.brokers.length === topology.nodes.length;
}

function refuseOtherTopology(context: InfraContext, brokers: BrokerCount): void {
  for (const id of ALL_NODE_IDS) {
    const state = inspectPidFile(kafkaProcess(context.layout, id).pidFile);
    if (state.kind === 'running' && state.record.details['brokers'] !== brokers) {
      throw new LocalInfraError(
        `Kafka is running with ${String(state.record.details['brokers'])} broker(s), not ${brokers}`,
        'Run `down` first to switch between 1 and 3 brokers.',
      );
    }
  }
}

async function assertPortsFree(node: KafkaNode, basePort: number): Promise<void> {
  for (const port of [node.port, node.controllerPort]) {
    if (!(await isPortFree(port)))
      throw new PortInUseError(`kafka-${node.id}`, port, `FERRY_KAFKA_PORT (now ${basePort})`);
  }
}

function timeoutMs(context: InfraContext): number {
  return context.config.startTimeoutSeconds * 1000;
}
