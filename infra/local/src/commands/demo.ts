import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  localAuthorization,
  localIngressIssuer,
  readMetrics,
  sampleValue,
  startService,
  waitFor,
  type RunningService,
} from '@ferry/test-support';
import { planBurst, type BurstPlan } from '../demo/burst';
import { runErpWmsFlow } from '../demo/erp-wms-flow';
import { applyDerivedAcls, serviceKafkaLogin as kafkaLogin } from '../kafka/secured-access';
import { mismatches, readStoredLevels } from '../demo/projection-state';
import { infraDown, infraStatus, infraUp, type Endpoints } from '../index';

/*
 * `npm run demo`: the whole pipeline on the local defaults. Starts Kafka, the schema registry and
 * Postgres, the WMS adapter and the inventory projector; sends a burst of WMS snapshots (with
 * duplicates and out-of-order versions); waits until the projector handled every one; checks the
 * table against what the burst intended; prints a summary; stops what it started.
 * Then part 2: the ERP ↔ WMS flow between the Odoo and WMS simulators (purchase order, goods
 * receipt, an order placed twice, inventory, a refused ERP inventory change).
 * `--keep-running` leaves the inventory services up until Ctrl-C. `--secure` runs part 1 on a
 * secured cluster (`up --secure`): each service as its own principal, with the ACLs derived from
 * the ownership map applied first.
 */

const keepRunning = process.argv.includes('--keep-running');
const secure = process.argv.includes('--secure');
const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const n = (value: number): string => value.toLocaleString('en-US');

interface Outcomes {
  applied: number;
  superseded: number;
  duplicate: number;
  stale: number;
}

async function readOutcomes(projector: RunningService): Promise<Outcomes> {
  const text = await readMetrics(projector.url);
  const count = (outcome: string): number =>
    sampleValue(text, 'ferry_consumer_events_total', { outcome });
  return {
    applied: count('applied'),
    superseded: count('superseded'),
    duplicate: count('duplicate'),
    stale: count('stale'),
  };
}

async function sendBurst(adapter: RunningService, plan: BurstPlan): Promise<void> {
  const authorization = await localAuthorization();
  for (const snapshots of plan.requests) {
    const response = await fetch(`${adapter.url}/v1/inventory-levels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ snapshots }),
    });
    if (response.status !== 202)
      throw new Error(`wms-adapter answered ${response.status}: ${await response.text()}`);
  }
}

/**
 * A token of the local issuer for the curl line, in a file beside its JWKS (removed at exit), so
 * that the token itself is never printed.
 */
async function writeDemoToken(): Promise<string> {
  const issuer = await localIngressIssuer();
  const file = join(issuer.directory, 'demo-token');
  writeFileSync(file, await issuer.token({ subject: 'demo-curl', expiresInSeconds: 24 * 3600 }), {
    mode: 0o600,
  });
  return file;
}

async function startServices(endpoints: Endpoints): Promise<RunningService[]> {
  const env = {
    KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
    ...endpoints.registryClientEnv,
    DATABASE_URL: endpoints.databaseUrl,
    FERRY_LOG_LEVEL: 'warn',
  };
  const adapter = await startService('wms-adapter', {
    ...env,
    ...kafkaLogin(endpoints, 'wms-adapter'),
  });
  const projector = await startService('inventory-projector', {
    ...env,
    ...kafkaLogin(endpoints, 'inventory-projector'),
  }).catch(async (error: unknown) => {
    await adapter.stop();
    throw error;
  });
  return [adapter, projector];
}

async function runBurst(
  adapter: RunningService,
  projector: RunningService,
  endpoints: Endpoints,
): Promise<boolean> {
  const plan = planBurst({
    skus: 400,
    locations: ['WH-AMS', 'WH-BER', 'WH-LYS'],
    maxVersionsPerEntity: 4,
    baseVersion: Date.now() * 10,
    duplicateRate: 0.08,
    outOfOrderRate: 0.05,
    requestSize: 250,
    seed: 20261123,
  });
  say(
    `· sending ${n(plan.snapshots)} snapshots for ${n(plan.entities)} SKU/location pairs in ${plan.requests.length} requests ` +
      `(${n(plan.duplicates)} re-sent, ${n(plan.outOfOrder)} older versions sent after newer ones)`,
  );
  const before = await readOutcomes(projector);
  const started = Date.now();
  await sendBurst(adapter, plan);
  const sentIn = Date.now() - started;
  const handled = (o: Outcomes): number =>
    o.applied +
    o.superseded +
    o.duplicate +
    o.stale -
    (before.applied + before.superseded + before.duplicate + before.stale);
  const after = await waitFor(
    'every snapshot to be handled by the projector',
    async () => {
      const outcomes = await readOutcomes(projector);
      return handled(outcomes) >= plan.snapshots ? outcomes : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 50 },
  );
  const tookMs = Date.now() - started;

  const stored = await readStoredLevels(endpoints.databaseUrl, [...plan.expected.keys()]);
  const wrong = mismatches(plan.expected, stored);
  const delta = (key: keyof Outcomes): number => after[key] - before[key];
  say('');
  say(
    `  sent                ${n(plan.snapshots).padStart(7)}  snapshots (HTTP answered after Kafka acknowledged; ${seconds(sentIn)})`,
  );
  say(
    `  applied             ${n(delta('applied')).padStart(7)}  rows written with the newest version`,
  );
  say(
    `  superseded in batch ${n(delta('superseded')).padStart(7)}  older versions a newer one of the same batch replaced`,
  );
  say(`  deduplicated        ${n(delta('duplicate')).padStart(7)}  same event id seen before`);
  say(`  ignored as stale    ${n(delta('stale')).padStart(7)}  arrived after a newer version`);
  say(
    `  time                ${seconds(tookMs).padStart(7)}  first request to last event applied (${n(Math.round((plan.snapshots * 1000) / tookMs))} snapshots/s)`,
  );
  say(
    `  final stock         ${wrong.length === 0 ? 'matches' : 'DIFFERS from'} the burst for ${n(plan.entities - wrong.length)} of ${n(plan.entities)} SKU/location pairs`,
  );
  say('');
  for (const key of [...plan.expected.keys()].slice(0, 5)) {
    const row = stored.get(key);
    const want = plan.expected.get(key);
    say(
      `  ${key.padEnd(18)} on hand ${String(row?.onHand ?? '-').padStart(4)}  reserved ${String(row?.reserved ?? '-').padStart(2)}  available ${String(row?.available ?? '-').padStart(4)}  (expected on hand ${want?.onHand ?? '-'})`,
    );
  }
  if (wrong.length > 0) say(`\n  first differing pairs: ${wrong.slice(0, 10).join(', ')}`);
  return wrong.length === 0;
}

async function main(): Promise<number> {
  say(
    'Ferry demo: WMS inventory snapshots → wms-adapter → Kafka (Avro) → inventory-projector → Postgres',
  );
  const alreadyRunning = (await infraStatus()).some(
    (service) => service.running && service.managedByFerry,
  );
  let started = Date.now();
  say(
    '· starting Kafka, the schema registry and Postgres (the first run downloads them with Maven)',
  );
  const endpoints = await infraUp({
    secure,
    log: (line) => {
      say(`    ${line}`);
    },
  });
  say(
    `  ready in ${seconds(Date.now() - started)}: kafka ${endpoints.kafkaBrokers.join(',')}, registry ${endpoints.schemaRegistryUrl}, postgres ${endpoints.databaseUrl}`,
  );
  let services: RunningService[] = [];
  try {
    if (endpoints.kafkaSecurity !== undefined) {
      const acls = await applyDerivedAcls(endpoints.kafkaSecurity, endpoints.kafkaBrokers);
      say(`· broker ACLs derived from the ownership map: ${acls}`);
    }
    started = Date.now();
    services = await startServices(endpoints);
    const [adapter, projector] = services;
    if (!adapter || !projector) throw new Error('services did not start');
    say(
      `· wms-adapter on ${adapter.url}, inventory-projector on ${projector.url} (ready in ${seconds(Date.now() - started)})`,
    );
    const burstOk = await runBurst(adapter, projector, endpoints);
    // Part 2 on a secured cluster would share part 1's catalog topics and groups (the ERP sink
    // would first replay the whole burst into Odoo); npm test runs it secured on its own cluster.
    if (secure)
      say('· part 2 is not run with --secure (test/security runs it on a cluster of its own)');
    const flowOk = secure || (await runErpWmsFlow(endpoints, say));
    const ok = burstOk && flowOk;
    if (keepRunning) {
      const tokenFile = await writeDemoToken();
      say(
        `\nStill running (Ctrl-C stops it). Try: curl -XPOST ${adapter.url}/v1/inventory-levels -H 'content-type: application/json' -H "authorization: Bearer $(cat ${tokenFile})" -d '{"sku":"SKU-00001","location":"WH-AMS","onHand":5,"version":${Date.now() * 10 + 100}}'`,
      );
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
    }
    return ok ? 0 : 1;
  } finally {
    say('\n· stopping the services');
    await Promise.all(services.map((service) => service.stop()));
    if (!alreadyRunning) {
      say('· stopping Kafka, the schema registry and Postgres');
      await infraDown();
    }
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ferry demo: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
