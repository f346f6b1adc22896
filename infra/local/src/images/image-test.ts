import { join } from 'node:path';
import { startOdooSimulator, type OdooSimulator } from '@ferry/simulators';
import {
  freePort,
  isolatedDatabase,
  startIngressIssuer,
  uniqueName,
  waitFor,
  type IngressIssuer,
  type IsolatedDatabase,
} from '@ferry/test-support';
import { ferryHome } from '../config';
import type { Endpoints } from '../endpoints';
import { isPortFree } from '../process/port';
import { openContainerStore } from './container-store';
import { Containers, type ContainerSpec } from './containers';
import { readImageMetadata, imageRepository } from './image-metadata';

/*
 * The images' smoke test, against a real Kafka, registry and Postgres: every service image
 * migrates, starts and reports ready under the restrictions of a production pod (non-root,
 * read-only root file system, no capabilities); one inventory snapshot goes in through the WMS
 * adapter's container and comes out as a row written by the inventory projector's container;
 * then each container stops on SIGTERM with exit code 0 within the grace period.
 */

/**
 * Kubernetes' default terminationGracePeriodSeconds. A service's drain has no timer of its own:
 * it is bounded by the slice in flight (the database statement timeout) and kafkajs' leave, a
 * few seconds; exceeding the grace period means SIGKILL and exit 137, which fails the test.
 */
export const STOP_GRACE_SECONDS = 30;

const READY_TIMEOUT_MS = 90_000;
const APPLY_TIMEOUT_MS = 60_000;
const WEBHOOK_SECRET = 'image-test-webhook-secret-0001';
/** Where the JWKS file (a mounted Secret in Kubernetes) appears inside the containers. */
const AUTH_MOUNT = '/run/ferry-auth';

/** Services the test starts, each with the variables of its own beyond the shared ones. */
const SERVICES = [
  'wms-adapter',
  'inventory-projector',
  'erp-adapter',
  'order-api',
  'shipment-projector',
  'lag-exporter',
] as const;
type Service = (typeof SERVICES)[number];
/** Services with no tables of their own, hence no migrate Job. */
const WITHOUT_SCHEMA: ReadonlySet<Service> = new Set(['lag-exporter']);

export interface ImageTestOptions {
  readonly log?: (line: string) => void;
  /** Image of each app; default `localhost/ferry/<app>:<root package.json version>`. */
  readonly images?: Readonly<Record<string, string>>;
  /** Ports for the containers (two per service) are taken from this range when given. */
  readonly portRange?: readonly [number, number];
}

export interface ImageTestFigures {
  readonly migrateMs: Readonly<Record<string, number>>;
  readonly readyMs: Readonly<Record<string, number>>;
  readonly applyMs: number;
  readonly stops: Readonly<Record<string, { exitCode: number; stopMs: number }>>;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function pickPorts(count: number, range?: readonly [number, number]): Promise<number[]> {
  const ports: number[] = [];
  if (range === undefined) {
    while (ports.length < count) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    return ports;
  }
  for (let port = range[0]; port <= range[1] && ports.length < count; port += 1)
    if (await isPortFree(port)) ports.push(port);
  if (ports.length < count)
    throw new Error(`fewer than ${count} free ports in ${range[0]}–${range[1]}`);
  return ports;
}

/** Everything one run sets up around the containers; all of it is undone at the end. */
interface Scenario {
  readonly database: IsolatedDatabase;
  readonly issuer: IngressIssuer;
  readonly odoo: OdooSimulator;
  readonly run: string;
  readonly ports: Readonly<Record<Service, { http: number; ops: number }>>;
  readonly shared: Readonly<Record<string, string>>;
}

function authEnv(issuer: IngressIssuer): Record<string, string> {
  return { ...issuer.env, FERRY_AUTH_JWKS_FILE: `${AUTH_MOUNT}/jwks.json` };
}

function serviceEnv(scenario: Scenario, service: Service): Record<string, string> {
  const { http, ops } = scenario.ports[service];
  const group = (name: string): string => `${scenario.run}_${name}`;
  const own: Record<Service, Record<string, string>> = {
    'wms-adapter': { ...authEnv(scenario.issuer), FERRY_WMS_SINK_GROUP: group('wms_sink') },
    'order-api': authEnv(scenario.issuer),
    'inventory-projector': { FERRY_CONSUMER_GROUP: group('inventory') },
    'shipment-projector': { FERRY_CONSUMER_GROUP: group('shipments') },
    // This run's groups and dead-letter topics only; a poll a second.
    'lag-exporter': {
      FERRY_LAG_GROUP_PREFIX: `${scenario.run}_`,
      FERRY_LAG_CATALOG_GROUPS: 'false',
      FERRY_LAG_POLL_INTERVAL_MS: '1000',
      FERRY_DLQ_TOPIC_PREFIX: `${scenario.run}_`,
      FERRY_DLQ_AUDIT_SCHEMAS: scenario.database.schema,
    },
    'erp-adapter': {
      ODOO_URL: scenario.odoo.url,
      ODOO_PROTOCOL: 'json2',
      ODOO_DATABASE: scenario.odoo.credentials.database,
      ODOO_API_KEY: scenario.odoo.credentials.apiKey,
      FERRY_ODOO_WEBHOOK_SECRETS: WEBHOOK_SECRET,
      FERRY_ERP_SINK_GROUP_PREFIX: group('erp_sink'),
    },
  };
  // HOST: on the host's network, listen on loopback only (the image's default is 0.0.0.0).
  return {
    ...scenario.shared,
    ...own[service],
    HOST: '127.0.0.1',
    PORT: String(http),
    FERRY_OPS_PORT: String(ops),
  };
}

async function openScenario(endpoints: Endpoints, options: ImageTestOptions): Promise<Scenario> {
  if (endpoints.kafkaSecurity !== undefined)
    throw new Error('the image test runs against a plaintext cluster (not one started --secure)');
  const run = uniqueName('images');
  const free = await pickPorts(SERVICES.length * 2, options.portRange);
  const ports = Object.fromEntries(
    SERVICES.map((service, index) => [
      service,
      { http: free[index * 2] ?? 0, ops: free[index * 2 + 1] ?? 0 },
    ]),
  ) as Record<Service, { http: number; ops: number }>;
  const database = isolatedDatabase(endpoints.databaseUrl, 'images');
  const issuer = await startIngressIssuer(join(ferryHome(), 'run', run));
  const odoo = await startOdooSimulator({ signing: { secret: WEBHOOK_SECRET } });
  const topic = (name: string): string => `${run}_${name}`;
  const shared = {
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
    ...endpoints.registryClientEnv,
    DATABASE_URL: endpoints.databaseUrl,
    FERRY_DB_SCHEMA: database.schema,
    FERRY_INVENTORY_TOPIC: topic('inventory'),
    FERRY_GOODS_RECEIPT_TOPIC: topic('receipts'),
    FERRY_SHIPMENT_STATUS_TOPIC: topic('shipments'),
    FERRY_PURCHASE_ORDER_TOPIC: topic('purchase_orders'),
    FERRY_SALES_ORDER_TOPIC: topic('sales_orders'),
    FERRY_INVOICE_TOPIC: topic('invoices'),
    FERRY_RETRY_DELAYS_MS: '1000,2000',
  };
  return { database, issuer, odoo, run, ports, shared };
}

async function closeScenario(scenario: Scenario): Promise<void> {
  await Promise.allSettled([scenario.odoo.stop(), scenario.database.drop()]);
}

function specOf(
  scenario: Scenario,
  service: Service,
  image: string,
  args: readonly string[] = [],
): ContainerSpec {
  return {
    name: `${scenario.run}_${service}${args.length > 0 ? `_${args.join('_')}` : ''}`,
    image,
    env: serviceEnv(scenario, service),
    args,
    mounts: { [scenario.issuer.directory]: AUTH_MOUNT },
  };
}

/** Each service's migrate step, as its Kubernetes Job runs it: to its end, exit code 0. */
async function migrateAll(
  containers: Containers,
  scenario: Scenario,
  imageOf: (app: string) => string,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const migrateMs: Record<string, number> = {};
  // One after the other: the services share the schema and its migration bookkeeping.
  for (const service of SERVICES.filter((name) => !WITHOUT_SCHEMA.has(name))) {
    const started = Date.now();
    const result = await containers.runToEnd(
      specOf(scenario, service, imageOf(service), ['migrate']),
    );
    migrateMs[service] = Date.now() - started;
    if (result.exitCode !== 0)
      throw new Error(
        `${service} migrate exited ${result.exitCode}:\n${result.output.slice(-2000)}`,
      );
    log(`  migrate ${service.padEnd(20)} exit 0 in ${seconds(migrateMs[service])}`);
  }
  return migrateMs;
}

/** Waits for /health/ready; a container that exits meanwhile fails at once, with its output. */
async function waitReady(containers: Containers, name: string, opsPort: number): Promise<void> {
  let state: 'ready' | 'exited';
  try {
    state = await waitFor(
      `${name} to report ready`,
      async () => {
        if (!(await containers.isRunning(name))) return 'exited';
        const answer = await fetch(`http://127.0.0.1:${opsPort}/health/ready`).catch(
          () => undefined,
        );
        return answer?.ok === true ? 'ready' : undefined;
      },
      { timeoutMs: READY_TIMEOUT_MS, intervalMs: 250 },
    );
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason}\n--- ${name} output ---\n${await containers.logs(name)}`);
  }
  if (state === 'exited')
    throw new Error(
      `${name} exited before it was ready\n--- output ---\n${await containers.logs(name)}`,
    );
}

async function startAll(
  containers: Containers,
  scenario: Scenario,
  imageOf: (app: string) => string,
  log: (line: string) => void,
): Promise<Record<string, number>> {
  const readyMs: Record<string, number> = {};
  await Promise.all(
    SERVICES.map(async (service) => {
      const spec = specOf(scenario, service, imageOf(service));
      const started = Date.now();
      await containers.start(spec);
      await waitReady(containers, spec.name, scenario.ports[service].ops);
      readyMs[service] = Date.now() - started;
      log(`  ready   ${service.padEnd(20)} in ${seconds(readyMs[service])}`);
    }),
  );
  return readyMs;
}

/** One snapshot into the WMS adapter's container; resolves once the projector's row holds it. */
async function snapshotRoundTrip(scenario: Scenario, log: (line: string) => void): Promise<number> {
  const sku = `IMG-${scenario.run.slice(-6).toUpperCase()}`;
  const snapshot = { sku, location: 'WH/Stock', onHand: 42, reserved: 2, unit: 'unit', version: 1 };
  const started = Date.now();
  const response = await fetch(
    `http://127.0.0.1:${scenario.ports['wms-adapter'].http}/v1/inventory-levels`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: await scenario.issuer.authorization(),
      },
      body: JSON.stringify(snapshot),
    },
  );
  if (response.status !== 202)
    throw new Error(
      `POST /v1/inventory-levels answered ${response.status}: ${await response.text()}`,
    );
  log(`  POST /v1/inventory-levels ${sku} onHand=42 → 202 in ${seconds(Date.now() - started)}`);
  await waitFor(
    `the projector's row of ${sku}`,
    async () => {
      const { rows } = await scenario.database.db.query<{ on_hand: string }>(
        'SELECT on_hand FROM inventory_levels WHERE sku = $1 AND location = $2',
        [sku, snapshot.location],
      );
      return rows[0]?.on_hand === '42' ? true : undefined;
    },
    { timeoutMs: APPLY_TIMEOUT_MS, intervalMs: 100 },
  );
  const applyMs = Date.now() - started;
  log(
    `  inventory_levels row ${sku} on_hand=42 written by the projector ${seconds(applyMs)} after the POST`,
  );
  return applyMs;
}

/** The lag exporter's container reports the projector's group, caught up: lag 0 on its topic. */
async function exporterSeesGroup(
  scenario: Scenario,
  group: string,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  const url = `http://127.0.0.1:${scenario.ports['lag-exporter'].ops}/metrics`;
  const series = new RegExp(
    `^ferry_consumergroup_lag_records\\{[^}]*group="${group}"[^}]*\\} (\\S+)$`,
    'gm',
  );
  await waitFor(
    `the lag exporter to report ${group} caught up`,
    async () => {
      const text = await (await fetch(url)).text();
      const values = [...text.matchAll(series)].map((match) => Number(match[1]));
      return values.length > 0 && values.every((value) => value === 0) ? true : undefined;
    },
    { timeoutMs: APPLY_TIMEOUT_MS, intervalMs: 250 },
  );
  log(`  lag-exporter reports ${group} with lag 0 after ${seconds(Date.now() - started)}`);
}

/** The ops CLI image, as an operator's Job runs it: a read-only command, exit code 0. */
async function runOpsCommand(
  containers: Containers,
  scenario: Scenario,
  image: string,
  log: (line: string) => void,
): Promise<void> {
  const args = ['dlq', 'audit', '--limit', '1'];
  const started = Date.now();
  const result = await containers.runToEnd({
    name: `${scenario.run}_ops-cli`,
    image,
    env: { ...scenario.shared },
    args,
  });
  if (result.exitCode !== 0)
    throw new Error(
      `ops-cli ${args.join(' ')} exited ${result.exitCode}:\n${result.output.slice(-2000)}`,
    );
  log(`  ops-cli ${args.join(' ')}: exit 0 in ${seconds(Date.now() - started)}`);
}

async function stopAll(
  containers: Containers,
  scenario: Scenario,
  log: (line: string) => void,
): Promise<Record<string, { exitCode: number; stopMs: number }>> {
  const stops: Record<string, { exitCode: number; stopMs: number }> = {};
  await Promise.all(
    SERVICES.map(async (service) => {
      const name = `${scenario.run}_${service}`;
      const stop = await containers.stop(name, STOP_GRACE_SECONDS);
      stops[service] = stop;
      log(
        `  stop    ${service.padEnd(20)} SIGTERM → exit ${stop.exitCode} in ${seconds(stop.stopMs)}`,
      );
    }),
  );
  const failed = Object.entries(stops).filter(
    ([, stop]) => stop.exitCode !== 0 || stop.stopMs >= STOP_GRACE_SECONDS * 1000,
  );
  if (failed.length > 0) {
    const detail = await Promise.all(
      failed.map(
        async ([service, stop]) =>
          `${service}: exit ${stop.exitCode} after ${seconds(stop.stopMs)}\n${await containers.logs(`${scenario.run}_${service}`, 20)}`,
      ),
    );
    throw new Error(
      `not every container stopped cleanly on SIGTERM within ${STOP_GRACE_SECONDS} s:\n${detail.join('\n')}`,
    );
  }
  return stops;
}

/**
 * Runs the images' smoke test against `endpoints` (a running plaintext Kafka, registry and
 * Postgres); throws with the failing step and the container's output on any failure. Every
 * container, topic-free resource and schema it made is removed again, also on failure.
 */
export async function runImageTest(
  endpoints: Endpoints,
  options: ImageTestOptions = {},
): Promise<ImageTestFigures> {
  const log = options.log ?? ((): void => undefined);
  const version = (await readImageMetadata()).version;
  const imageOf = (app: string): string =>
    options.images?.[app] ?? `${imageRepository(app)}:${version}`;
  const store = await openContainerStore(ferryHome(), log);
  const containers = new Containers(store);
  const scenario = await openScenario(endpoints, options);
  try {
    log(`image test ${scenario.run} (schema ${scenario.database.schema})`);
    const migrateMs = await migrateAll(containers, scenario, imageOf, log);
    const readyMs = await startAll(containers, scenario, imageOf, log);
    const applyMs = await snapshotRoundTrip(scenario, log);
    await exporterSeesGroup(scenario, `${scenario.run}_inventory`, log);
    await runOpsCommand(containers, scenario, imageOf('ops-cli'), log);
    const stops = await stopAll(containers, scenario, log);
    return { migrateMs, readyMs, applyMs, stops };
  } finally {
    await containers.removeAll();
    await closeScenario(scenario);
  }
}
