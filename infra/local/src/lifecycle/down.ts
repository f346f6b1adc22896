import { removeEndpointsFile } from '../endpoints';
import { downKafka } from '../kafka/kafka-service';
import { ALL_NODE_IDS, kafkaProcess } from '../kafka/kafka-process';
import { embeddedPostgresProcess } from '../postgres/embedded-postgres';
import { findOrphans } from '../process/orphans';
import { readPidRecord } from '../process/pid-file';
import { stopPid } from '../process/stop';
import type { StopResult } from '../process/stop';
import { downPostgres } from '../postgres/postgres-service';
import { downRegistry, registryProcess } from '../registry/registry-service';
import type { InfraContext } from './context';

const ORPHAN_GRACE_MS = 15_000;

/** Stops every process Ferry started (never a server it merely used) and forgets the endpoints. */
export async function bringDown(context: InfraContext): Promise<StopResult[]> {
  const { layout, log } = context;
  const targets = [
    ...ALL_NODE_IDS.map((id) => kafkaProcess(layout, id)),
    registryProcess(context),
    embeddedPostgresProcess(layout),
  ];
  const known = new Set(targets.flatMap((target) => readPidRecord(target.pidFile)?.pid ?? []));
  const [kafka, registry, postgres] = await Promise.all([
    downKafka(context),
    downRegistry(context),
    downPostgres(context),
  ]);
  const results = [...kafka, registry, postgres];
  const orphans = findOrphans(
    targets.map((target) => target.marker),
    known,
  );
  const orphanResults = await Promise.all(
    orphans.map(async (pid): Promise<StopResult> => {
      const outcome = await stopPid(pid, 'SIGTERM', ORPHAN_GRACE_MS, false);
      return { name: 'orphan', pid, outcome };
    }),
  );
  removeEndpointsFile(layout.endpointsFile);
  const stopped = [...results, ...orphanResults].filter((result) => result.outcome !== 'absent');
  for (const result of stopped) {
    log(
      `${result.name}: ${result.outcome === 'killed' ? 'killed (did not stop in time)' : 'stopped'} (pid ${result.pid ?? '?'})`,
    );
  }
  if (stopped.length === 0) log('nothing of Ferry was running');
  return stopped;
}
