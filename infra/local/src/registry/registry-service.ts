import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OPEN_REGISTRY, registryTransport, type RegistryAccess } from '@ferry/contracts';
import { canConnect } from '@ferry/persistence';
import { LocalInfraError, PortInUseError } from '../errors';
import { usesExternalKafka } from '../kafka/kafka-service';
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
import type { FerryLayout } from '../paths';
import { redactPassword } from '../postgres/postgres-choice';
import { ensureApicurio } from './apicurio-dist';
import {
  assertRegistryDatabaseKept,
  dropRegistryDatabase,
  ensureRegistryDatabase,
  readRegistryDatabase,
  recordRegistryDatabase,
  registryDatabaseBeside,
  registryDatabaseUrl,
} from './registry-database';
import type { RegistryDatabase } from './registry-database';
import {
  jdbcDatasource,
  REGISTRY_HOST,
  registrySettings,
  renderRegistryProperties,
} from './registry-properties';
import { registryClientAccess, type RegistrySecurity } from './registry-security';

const HEAP_MB = 256;
const STOP_GRACE_MS = 15_000;

/** Clients (@kafkajs/confluent-schema-registry) talk to Apicurio's Confluent-compatible API. */
export function ferryRegistryUrl(port: number, secure = false): string {
  return `${secure ? 'https' : 'http'}://${REGISTRY_HOST}:${port}/apis/ccompat/v7`;
}

export function registryProcess(context: InfraContext): ManagedProcess {
  // A system property that only this process carries identifies it in /proc.
  return managedProcess(context.layout, 'registry', `-Dferry.home=${context.layout.home}`);
}

/**
 * Starts Apicurio with its state in `database` (created when missing) unless it runs already,
 * and waits until it answers. Returns the Confluent-compatible URL. With `security` (see
 * registrySecurity), it serves TLS only and asks every caller for the password.
 */
export async function upRegistry(
  context: InfraContext,
  java: string,
  database: RegistryDatabase,
  security?: RegistrySecurity,
): Promise<string> {
  const { config, layout, log } = context;
  if (config.schemaRegistryUrl !== '') {
    log(`registry: using SCHEMA_REGISTRY_URL=${config.schemaRegistryUrl} (not started by Ferry)`);
    return config.schemaRegistryUrl;
  }
  assertRegistryDatabaseKept(readRegistryDatabase(layout), database);
  const secure = security !== undefined;
  const url = ferryRegistryUrl(config.registryPort, secure);
  const target = registryProcess(context);
  const state = inspectPidFile(target.pidFile);
  let pid: number;
  if (state.kind === 'running') {
    pid = state.record.pid;
    if ((state.record.details['secure'] === 'true') !== secure) {
      throw new LocalInfraError(
        `The registry runs ${secure ? 'without' : 'in'} secure mode`,
        'Run `down`, then `up` the way you want it.',
      );
    }
    if (state.record.details['database'] === undefined) {
      log(
        'registry: this one was started with in-memory storage and loses its schemas when it stops; `down` and `up` move them to Postgres',
      );
    }
  } else {
    pid = await startRegistry(context, java, database, security);
  }
  const access = secure ? registryClientAccess(security) : OPEN_REGISTRY;
  await awaitReady(
    target,
    pid,
    () => answers(url, access),
    context.config.startTimeoutSeconds * 1000,
  );
  log(`registry: ready at ${url}`);
  return url;
}

async function startRegistry(
  context: InfraContext,
  java: string,
  database: RegistryDatabase,
  security: RegistrySecurity | undefined,
): Promise<number> {
  const { config, layout, log } = context;
  if (!(await isPortFree(config.registryPort)))
    throw new PortInUseError('registry', config.registryPort, 'FERRY_REGISTRY_PORT');
  const dist = await ensureApicurio(config.apicurioVersion, layout.cache);
  if (dist.downloaded) log(`registry: downloaded Apicurio Registry ${dist.version}`);
  const kept = readRegistryDatabase(layout);
  // Recorded before the database exists, so that `reset` finds it even after a failed start.
  recordRegistryDatabase(layout, database);
  // A data folder that recorded no registry database holds no Kafka record naming its ids (a
  // fresh clone, a first start): what a database of that name holds was left by another data
  // folder, and its ids would describe no record here. The registry starts empty.
  if (kept === undefined && !usesExternalKafka(context)) await dropRegistryDatabase(database);
  await ensureRegistryDatabase(database);
  const databaseUrl = registryDatabaseUrl(database);
  const datasource = jdbcDatasource(databaseUrl, process.env['PGUSER'] ?? userInfo().username);
  const settingsFile = registrySettingsFile(layout);
  writePrivateFile(
    settingsFile,
    renderRegistryProperties(registrySettings(config.registryPort, datasource, security)),
  );
  const target = registryProcess(context);
  const record = await spawnDetached(target, {
    command: java,
    args: [
      `-Xmx${HEAP_MB}m`,
      '-XX:+ExitOnOutOfMemoryError',
      target.marker,
      // Settings from a file, not -D flags: the database password stays out of `ps`.
      `-Dquarkus.config.locations=${pathToFileURL(settingsFile).href}`,
      '-jar',
      dist.jar,
    ],
    cwd: dirname(dist.jar),
    details: {
      database: redactPassword(databaseUrl),
      ...(security === undefined ? {} : { secure: 'true' }),
    },
  });
  log(
    `registry: started Apicurio Registry ${dist.version} (pid ${record.pid}) on ${REGISTRY_HOST}:${config.registryPort}${security === undefined ? '' : ' (TLS, basic auth)'}, state in ${redactPassword(databaseUrl)}`,
  );
  return record.pid;
}

function registrySettingsFile(layout: FerryLayout): string {
  return join(layout.run, 'registry.properties');
}

function writePrivateFile(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** For `reset`, once the registry is stopped: its schema ids must not outlive the topics. */
export async function dropRegistryState(context: InfraContext): Promise<void> {
  const database = readRegistryDatabase(context.layout);
  // The embedded server's whole cluster goes with the data folder.
  if (database === undefined || database.embedded) return;
  await dropRegistryDatabase(database);
  context.log(
    `registry: dropped database ${database.name} on ${redactPassword(database.serverUrl)}`,
  );
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
    endpoint: ferryRegistryUrl(
      config.registryPort,
      running && state.record.details['secure'] === 'true',
    ),
    managedByFerry: true,
  };
}

/**
 * Where a registry Ferry runs keeps its state: as recorded when it started, else where `up`
 * would put it (beside Ferry's database). None for a registry given by SCHEMA_REGISTRY_URL.
 */
export async function registryDatabaseStatus(
  context: InfraContext,
  postgres: ServiceStatus,
): Promise<ServiceStatus[]> {
  if (context.config.schemaRegistryUrl !== '') return [];
  const database =
    readRegistryDatabase(context.layout) ??
    registryDatabaseBeside(
      postgres.endpoint,
      postgres.managedByFerry,
      context.config.registryDatabase,
    );
  const url = registryDatabaseUrl(database);
  return [
    {
      name: 'registry-db',
      pid: undefined,
      running: await canConnect(url),
      endpoint: url,
      managedByFerry: database.embedded,
    },
  ];
}

/** Ready when the Confluent-compatible subjects list answers 200 (signed in, when secured). */
async function answers(
  registryUrl: string,
  access: RegistryAccess = OPEN_REGISTRY,
): Promise<boolean> {
  try {
    const answer = await registryTransport(registryUrl, access).send({
      method: 'GET',
      url: `${registryUrl}/subjects`,
      headers: {},
      timeoutMs: 2000,
    });
    return answer.status === 200;
  } catch {
    return false;
  }
}
