import { dirname } from 'node:path';
import { PortInUseError } from '../errors';
import type { InfraContext } from '../lifecycle/context';
import { managedProcess } from '../process/managed-process';
import type { ManagedProcess } from '../process/managed-process';
import { inspectPidFile } from '../process/pid-file';
import { isPortFree } from '../process/port';
import { awaitReady } from '../process/readiness';
import { spawnDetached } from '../process/spawn-detached';
import { stopManagedProcess } from '../process/stop';
import type { StopResult } from '../process/stop';
import type { ServiceStatus } from '../service-status';
import { ensureApicurio } from './apicurio-dist';

const HOST = '127.0.0.1';
const HEAP_MB = 256;
const STOP_GRACE_MS = 15_000;

/** Clients (@kafkajs/confluent-schema-registry) talk to Apicurio's Confluent-compatible API. */
export function ferryRegistryUrl(port: number): string {
  return `http://${HOST}:${port}/apis/ccompat/v7`;
}

export function registryProcess(context: InfraContext): ManagedProcess {
  // A system property that only this process carries identifies it in /proc.
  return managedProcess(context.layout, 'registry', `-Dferry.home=${context.layout.home}`);
}

export async function upRegistry(context: InfraContext, java: string): Promise<string> {
  const { config, log } = context;
  if (config.schemaRegistryUrl !== '') {
    log(`registry: using SCHEMA_REGISTRY_URL=${config.schemaRegistryUrl} (not started by Ferry)`);
    return config.schemaRegistryUrl;
  }
  const url = ferryRegistryUrl(config.registryPort);
  const target = registryProcess(context);
  const state = inspectPidFile(target.pidFile);
  let pid: number;
  if (state.kind === 'running') {
    pid = state.record.pid;
  } else {
    if (!(await isPortFree(config.registryPort)))
      throw new PortInUseError('registry', config.registryPort, 'FERRY_REGISTRY_PORT');
    const dist = await ensureApicurio(config.apicurioVersion, context.layout.cache);
    if (dist.downloaded) log(`registry: downloaded Apicurio Registry ${dist.version}`);
    const record = await spawnDetached(target, {
      command: java,
      args: [
        `-Xmx${HEAP_MB}m`,
        '-XX:+ExitOnOutOfMemoryError',
        target.marker,
        `-Dquarkus.http.host=${HOST}`,
        `-Dquarkus.http.port=${config.registryPort}`,
        // Apicurio 3 refuses deletes by default; tests and developers clean up their subjects.
        '-Dapicurio.rest.deletion.group.enabled=true',
        '-Dapicurio.rest.deletion.artifact.enabled=true',
        '-Dapicurio.rest.deletion.artifact-version.enabled=true',
        '-jar',
        dist.jar,
      ],
      cwd: dirname(dist.jar),
    });
    pid = record.pid;
    log(
      `registry: started Apicurio Registry ${dist.version} (pid ${pid}) on ${HOST}:${config.registryPort}`,
    );
  }
  await awaitReady(target, pid, () => answers(url), context.config.startTimeoutSeconds * 1000);
  log(`registry: ready at ${url}`);
  return url;
}

export function downRegistry(context: InfraContext): Promise<StopResult> {
  return stopManagedProcess(registryProcess(context), STOP_GRACE_MS);
}

export async function registryStatus(context: InfraContext): Promise<ServiceStatus> {
  const { config } = context;
  if (config.schemaRegistryUrl !== '') {
    const running = await answers(config.schemaRegistryUrl);
    return {
      name: 'registry',
      pid: undefined,
      running,
      endpoint: config.schemaRegistryUrl,
      managedByFerry: false,
    };
  }
  const state = inspectPidFile(registryProcess(context).pidFile);
  const running = state.kind === 'running';
  return {
    name: 'registry',
    pid: running ? state.record.pid : undefined,
    running,
    endpoint: ferryRegistryUrl(config.registryPort),
    managedByFerry: true,
  };
}

/** Ready when the Confluent-compatible subjects list answers 200. */
async function answers(registryUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${registryUrl}/subjects`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
