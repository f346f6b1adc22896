import { writeEndpointsFile } from '../endpoints';
import type { Endpoints } from '../endpoints';
import { LocalInfraError } from '../errors';
import { kafkaPomFile } from '../paths';
import { ensureCatalogTopics } from '../kafka/catalog-topics';
import { ensureKafkaLibs } from '../kafka/kafka-libs';
import { upKafka, usesExternalKafka } from '../kafka/kafka-service';
import type { BrokerCount } from '../kafka/topology';
import { ensureApicurio } from '../registry/apicurio-dist';
import { checkJava, javaCommand } from '../tools/java';
import type { InfraContext } from './context';
import { upPostgresThenRegistry } from './postgres-then-registry';

/** Starts what is not running, waits until every part answers, and records the endpoints. */
export async function bringUp(context: InfraContext, brokers: BrokerCount): Promise<Endpoints> {
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
  const [kafkaBrokers, { schemaRegistryUrl, databaseUrl }] = await settleAll([
    upKafka(context, java, brokers),
    upPostgresThenRegistry(context, java),
  ] as const);
  const endpoints: Endpoints = { kafkaBrokers, schemaRegistryUrl, databaseUrl };
  if (startsKafka) {
    const created = await ensureCatalogTopics(endpoints);
    if (created.length > 0) log(`kafka: created ${created.length} topics of the catalog`);
  }
  writeEndpointsFile(layout.endpointsFile, endpoints);
  return endpoints;
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
