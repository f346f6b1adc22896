import { writeEndpointsFile } from '../endpoints';
import type { Endpoints } from '../endpoints';
import { LocalInfraError } from '../errors';
import { kafkaPomFile } from '../paths';
import { ensureCatalogTopics } from '../kafka/catalog-topics';
import { ensureLocalCa } from '../security/local-ca';
import { ensureKafkaLibs } from '../kafka/kafka-libs';
import { ALL_NODE_IDS, kafkaProcess } from '../kafka/kafka-process';
import { upKafka, usesExternalKafka } from '../kafka/kafka-service';
import type { BrokerCount } from '../kafka/topology';
import { embeddedPostgresProcess } from '../postgres/embedded-postgres';
import type { ManagedProcess } from '../process/managed-process';
import { inspectPidFile } from '../process/pid-file';
import { stopManagedProcess } from '../process/stop';
import { ensureApicurio } from '../registry/apicurio-dist';
import { registryProcess } from '../registry/registry-service';
import { checkJava, javaCommand } from '../tools/java';
import type { InfraContext } from './context';
import { upPostgresThenRegistry } from './postgres-then-registry';

/** Longest grace any part gets to stop (Kafka's) before it is killed. */
const STOP_GRACE_MS = 20_000;

/**
 * Starts what is not running, waits until every part answers, and records the endpoints. When a
 * part fails, the parts this call started are stopped again before the error is thrown: a
 * registry left running after Kafka could not start would hold its port and its memory, and
 * make the next `up` think the infrastructure was already there. Parts that were running before
 * are left as they were.
 */
export async function bringUp(
  context: InfraContext,
  brokers: BrokerCount,
  secure = false,
): Promise<Endpoints> {
  const notRunning = managedParts(context).filter(
    (part) => inspectPidFile(part.pidFile).kind !== 'running',
  );
  try {
    return await startParts(context, brokers, secure);
  } catch (error: unknown) {
    await stopStartedParts(context, notRunning);
    throw error;
  }
}

async function startParts(
  context: InfraContext,
  brokers: BrokerCount,
  secure: boolean,
): Promise<Endpoints> {
  const { config, layout, log } = context;
  const startsKafka = !usesExternalKafka(context);
  const startsRegistry = config.schemaRegistryUrl === '';
  const java = javaCommand(config.javaHome);
  if (startsKafka || startsRegistry) await checkJava(java);
  // Downloads run one after another before anything starts: two Maven builds at once would
  // only fight over the machine's two cores.
  if (startsKafka) {
    await ensureKafkaLibs(kafkaPomFile, layout.cache, (version) => {
      log(
        `kafka: downloading Kafka ${version} from Maven Central (once; cached in ${layout.cache})`,
      );
    });
  }
  if (startsRegistry) {
    await ensureApicurio(config.apicurioVersion, layout.cache, () => {
      log(
        `registry: downloading Apicurio Registry ${config.apicurioVersion} from Maven Central (once, ~110 MB)`,
      );
    });
  }
  // One CA signs the brokers' and the registry's certificates: made before both start at once.
  if (secure) await ensureLocalCa(layout.home);
  const [kafka, { schemaRegistryUrl, databaseUrl, registryClientEnv }] = await settleAll([
    upKafka(context, java, brokers, secure),
    upPostgresThenRegistry(context, java, secure),
  ] as const);
  const endpoints: Endpoints = {
    kafkaBrokers: kafka.brokers,
    schemaRegistryUrl,
    databaseUrl,
    ...(kafka.security === undefined ? {} : { kafkaSecurity: kafka.security }),
    ...(registryClientEnv === undefined ? {} : { registryClientEnv }),
  };
  if (startsKafka) {
    const created = await ensureCatalogTopics(endpoints);
    if (created.length > 0) log(`kafka: created ${created.length} topics of the catalog`);
  }
  writeEndpointsFile(layout.endpointsFile, endpoints);
  return endpoints;
}

/** Every process Ferry may start: the Kafka nodes, the registry and the embedded Postgres. */
function managedParts(context: InfraContext): ManagedProcess[] {
  return [
    ...ALL_NODE_IDS.map((id) => kafkaProcess(context.layout, id)),
    registryProcess(context),
    embeddedPostgresProcess(context.layout),
  ];
}

/** Stops those of `parts` that run now, which this call started; reports, never throws. */
async function stopStartedParts(context: InfraContext, parts: readonly ManagedProcess[]) {
  const results = await Promise.allSettled(
    parts.map((part) => stopManagedProcess(part, STOP_GRACE_MS)),
  );
  results.forEach((result, index) => {
    const name = parts[index]?.name ?? '?';
    if (result.status === 'rejected') {
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      context.log(`${name}: could not be stopped after the failed start: ${reason}`);
    } else if (result.value.outcome !== 'absent') {
      context.log(`${name}: stopped (pid ${result.value.pid ?? '?'}), since the start failed`);
    }
  });
}

/** Like Promise.all, but lets every part finish (and report) before failing with all errors. */
async function settleAll<T extends readonly unknown[]>(promises: {
  readonly [K in keyof T]: Promise<T[K]>;
}): Promise<T> {
  const results = await Promise.allSettled(promises);
  const failures = results.flatMap((result) =>
    result.status === 'rejected' ? [result.reason as unknown] : [],
  );
  const [first] = failures;
  if (failures.length === 1) throw first;
  if (failures.length > 1) {
    const messages = failures.map((failure) =>
      failure instanceof Error ? failure.message : String(failure),
    );
    throw new LocalInfraError(messages.join('\n\n'), 'Run `status` and `logs <part>` to see more.');
  }
  return results.map((result) =>
    result.status === 'fulfilled' ? result.value : undefined,
  ) as unknown as T;
}
