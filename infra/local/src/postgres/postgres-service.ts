import { join } from 'node:path';
import { canConnect, ensureDatabase } from '@ferry/persistence';
import { FERRY_DATABASE } from '../config';
import type { LocalInfraConfig } from '../config';
import { PortInUseError } from '../errors';
import type { InfraContext } from '../lifecycle/context';
import { readEndpointsFile } from '../endpoints';
import { inspectPidFile } from '../process/pid-file';
import { isPortFree } from '../process/port';
import { awaitReady } from '../process/readiness';
import { spawnDetached } from '../process/spawn-detached';
import { stopManagedProcess } from '../process/stop';
import type { StopResult } from '../process/stop';
import type { ServiceStatus } from '../service-status';
import {
  embeddedDataDir,
  embeddedPostgresProcess,
  ensureInitialised,
  postgresOsUser,
  postmasterArgs,
} from './embedded-postgres';
import { loadPostgresBinaries } from './postgres-binaries';
import { choosePostgres, embeddedAdminUrl, redactPassword, withDatabase } from './postgres-choice';
import type { PostgresChoice } from './postgres-choice';

const STOP_GRACE_MS = 15_000;

/** Returns the URL of Ferry's database, starting the embedded server when nothing else will do. */
export async function upPostgres(context: InfraContext): Promise<string> {
  const { config, layout, log } = context;
  const target = embeddedPostgresProcess(layout);
  const state = inspectPidFile(target.pidFile);
  const choice = await choosePostgres({
    databaseUrl: config.databaseUrl,
    localPgUrl: config.localPgUrl,
    embeddedPort: config.embeddedPgPort,
    database: FERRY_DATABASE,
    embeddedRunning: state.kind === 'running',
    machineAnswers: () => canConnect(config.localPgUrl),
  });
  if (choice.kind === 'external') {
    log(`postgres: using DATABASE_URL=${redactPassword(choice.url)} (not started by Ferry)`);
    return choice.url;
  }
  if (choice.kind === 'machine') {
    await ensureDatabase(choice.adminUrl, FERRY_DATABASE);
    log(`postgres: using the machine's server, database ${FERRY_DATABASE} (not started by Ferry)`);
    return choice.url;
  }
  const pid = state.kind === 'running' ? state.record.pid : await startEmbedded(context, choice);
  await awaitReady(
    target,
    pid,
    () => canConnect(choice.adminUrl),
    config.startTimeoutSeconds * 1000,
  );
  await ensureDatabase(choice.adminUrl, FERRY_DATABASE);
  log(`postgres: ready at ${choice.url}`);
  return choice.url;
}

async function startEmbedded(
  context: InfraContext,
  choice: Extract<PostgresChoice, { kind: 'embedded' }>,
): Promise<number> {
  const { layout, log } = context;
  const target = embeddedPostgresProcess(layout);
  if (!(await isPortFree(choice.port)))
    throw new PortInUseError('postgres', choice.port, 'FERRY_PG_PORT');
  const binaries = await loadPostgresBinaries();
  if (await ensureInitialised(layout, choice.port, join(layout.logs, 'postgres-initdb.log'))) {
    log(`postgres: initialised an embedded cluster in ${embeddedDataDir(layout)}`);
  }
  const user = await postgresOsUser();
  const record = await spawnDetached(target, {
    command: binaries.postgres,
    args: postmasterArgs(embeddedDataDir(layout), choice.port),
    cwd: embeddedDataDir(layout),
    ...(user === undefined ? {} : { user }),
  });
  log(`postgres: started embedded Postgres (pid ${record.pid}) on 127.0.0.1:${choice.port}`);
  return record.pid;
}

/** Stops the embedded server if Ferry started it; a machine or external server is never touched. */
export function downPostgres(context: InfraContext): Promise<StopResult> {
  return stopManagedProcess(embeddedPostgresProcess(context.layout), STOP_GRACE_MS);
}

/** Ferry's database on the embedded server, as `up` reports it. */
export function embeddedFerryUrl(config: LocalInfraConfig): string {
  return withDatabase(embeddedAdminUrl(config.embeddedPgPort), FERRY_DATABASE);
}

export async function postgresStatus(context: InfraContext): Promise<ServiceStatus> {
  const { config, layout } = context;
  const embeddedUrl = embeddedFerryUrl(config);
  const state = inspectPidFile(embeddedPostgresProcess(layout).pidFile);
  const status = (endpoint: string, running: boolean, managedByFerry: boolean): ServiceStatus => ({
    name: 'postgres',
    pid: state.kind === 'running' ? state.record.pid : undefined,
    running,
    endpoint,
    managedByFerry,
  });
  if (state.kind === 'running') return status(embeddedUrl, true, true);
  const known = config.databaseUrl || (readEndpointsFile(layout.endpointsFile)?.databaseUrl ?? '');
  if (known === embeddedUrl) return status(embeddedUrl, false, true);
  if (known !== '') return status(known, await canConnect(known), false);
  // Never brought up: show what `up` would pick.
  if (await canConnect(config.localPgUrl))
    return status(withDatabase(config.localPgUrl, FERRY_DATABASE), true, false);
  return status(embeddedUrl, false, true);
}
