import { readLocalInfraConfig } from './config';
import { readEndpointsFile } from './endpoints';
import type { Endpoints } from './endpoints';
import type { BrokerCount } from './kafka/topology';
import { silent } from './lifecycle/context';
import type { InfraContext, LogLine } from './lifecycle/context';
import { bringDown } from './lifecycle/down';
import { resetInfra } from './lifecycle/reset';
import { collectStatus } from './lifecycle/status';
import { bringUp } from './lifecycle/up';
import { ensureKafkaLibs } from './kafka/kafka-libs';
import { kafkaPomFile, layoutOf } from './paths';
import { withLock } from './process/lock';
import type { ServiceStatus } from './service-status';

export { ferryHome, localInfraOptions } from './config';
export type { Endpoints } from './endpoints';
export { LocalInfraError, PortInUseError, StartupFailedError, ToolMissingError } from './errors';
export type { ServiceStatus } from './service-status';
export type { BrokerCount } from './kafka/topology';
export { kafkaClientEnv, kafkaClientSettings } from './kafka/kafka-client-env';
export type { KafkaLogin } from './kafka/kafka-client-env';
export type { KafkaSecurityEndpoints } from './kafka/kafka-service';
export { startFerrySystem, WEBHOOK_SECRET } from './system/ferry-system';
export { runErpWmsFlow } from './demo/erp-wms-flow';
export { readEndpointsFile } from './endpoints';
export { isPortFree } from './process/port';
export type { FerrySystem, FerrySystemOptions, ScenarioTopics } from './system/ferry-system';
export { runImageTest, STOP_GRACE_SECONDS } from './images/image-test';
export type { ImageTestFigures, ImageTestOptions } from './images/image-test';
export { buildAllImages } from './images/build-all';

export interface UpOptions {
  brokers?: BrokerCount;
  /** SASL_SSL and mutual-TLS listeners, ACLs enforced (see docs/security.md). */
  secure?: boolean;
  log?: LogLine;
}

export interface DownOptions {
  log?: LogLine;
}

// A cold `up` downloads ~250 MB with Maven; a second caller waits for it rather than failing.
const LOCK_TIMEOUT_MS = 30 * 60_000;

/**
 * Starts Kafka, the schema registry and Postgres (each unless given by the environment) and
 * resolves once every part answers. Idempotent: parts already running are only checked.
 */
export async function infraUp(options: UpOptions = {}): Promise<Endpoints> {
  const context = contextOf(options.log);
  return locked(context, () => bringUp(context, options.brokers ?? 1, options.secure ?? false));
}

/** Stops everything Ferry started (SIGTERM, wait, SIGKILL). Idempotent. */
export async function infraDown(options: DownOptions = {}): Promise<void> {
  const context = contextOf(options.log);
  await locked(context, () => bringDown(context));
}

/** Down, then delete the data folder (Kafka logs, embedded Postgres); downloads are kept. */
export async function infraReset(options: DownOptions = {}): Promise<void> {
  const context = contextOf(options.log);
  await locked(context, () => resetInfra(context));
}

/**
 * The `java -cp` entry (`<cache>/kafka-<v>-<hash>/libs/*`) of the pinned Kafka classpath:
 * broker, kafka-tools and avro, for tests that drive Kafka from Java. Downloads it once.
 */
export async function kafkaClientClasspath(options: DownOptions = {}): Promise<string> {
  const context = contextOf(options.log);
  const libs = await locked(context, () => ensureKafkaLibs(kafkaPomFile, context.layout.cache));
  return libs.classpath;
}

export async function infraStatus(): Promise<ServiceStatus[]> {
  return collectStatus(contextOf(undefined));
}

export interface BorrowOptions extends UpOptions {
  /** Called before stopping what this call started. */
  onStopping?: () => void;
}

/**
 * Runs `work` on the local infrastructure and leaves it as found: `up` first (parts already
 * running, or named by the environment, are only checked), and afterwards `down` only if this
 * call started something. Other sessions may be using what was already running.
 */
export async function withLocalInfra<T>(
  work: (endpoints: Endpoints) => Promise<T>,
  options: BorrowOptions = {},
): Promise<T> {
  const startedByFerry = async () =>
    (await infraStatus()).some((service) => service.running && service.managedByFerry);
  const alreadyRunning = await startedByFerry();
  try {
    return await work(await infraUp(options));
  } finally {
    if (!alreadyRunning && (await startedByFerry())) {
      options.onStopping?.();
      await infraDown(options);
    }
  }
}

/** The endpoints the last successful `up` wrote; undefined after `down` or before any `up`. */
export function readEndpoints(): Endpoints | undefined {
  return readEndpointsFile(layoutOf(readLocalInfraConfig().home).endpointsFile);
}

function contextOf(log: LogLine | undefined): InfraContext {
  const config = readLocalInfraConfig();
  return { config, layout: layoutOf(config.home), log: log ?? silent };
}

function locked<T>(context: InfraContext, work: () => Promise<T>): Promise<T> {
  return withLock(`${context.layout.run}/infra.lock`, work, {
    timeoutMs: LOCK_TIMEOUT_MS,
    onWait: (owner) => {
      context.log(`waiting for another Ferry infra command (pid ${owner}) to finish`);
    },
  });
}
