import { join } from 'node:path';
import type { FerryLayout } from '../paths';
import { managedProcess } from '../process/managed-process';
import type { ManagedProcess } from '../process/managed-process';
import type { KafkaNode } from './topology';

/** Node ids a Ferry Kafka can have, across both topologies. */
export const ALL_NODE_IDS = [1, 2, 3] as const;

export function kafkaPropertiesFile(layout: FerryLayout, nodeId: number): string {
  return join(layout.run, `kafka-${nodeId}.properties`);
}

export function kafkaLog4j2File(layout: FerryLayout): string {
  return join(layout.run, 'kafka-log4j2.properties');
}

/** The broker's command line names its properties file, which is unique to this Ferry home. */
export function kafkaProcess(layout: FerryLayout, nodeId: number): ManagedProcess {
  return managedProcess(layout, `kafka-${nodeId}`, kafkaPropertiesFile(layout, nodeId));
}

export function brokerJvmArgs(
  node: KafkaNode,
  heapMb: number,
  classpath: string,
  layout: FerryLayout,
): string[] {
  return [
    // Always bounded: the JVM default would take a quarter of the machine's memory.
    `-Xmx${heapMb}m`,
    `-Xms${heapMb}m`,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${kafkaLog4j2File(layout)}`,
    '-cp',
    classpath,
    'kafka.Kafka',
    kafkaPropertiesFile(layout, node.id),
  ];
}
