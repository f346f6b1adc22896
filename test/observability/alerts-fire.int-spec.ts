import { readFileSync } from 'node:fs';
import { deadLetterTopicOf } from '@ferry/contracts';
import { startFerrySystem, type FerrySystem } from '@ferry/local-infra';
import {
  alertRulesFile,
  ensurePrometheusTools,
  shortenedRules,
  startPrometheus,
  type PrometheusAlert,
  type RunningPrometheus,
  type ScrapeTarget,
  type ThresholdOverride,
} from '@ferry/observability-config';
import {
  freePort,
  startService,
  startTcpRelay,
  testEnvironment,
  waitFor,
  type RunningService,
  type TcpRelay,
} from '@ferry/test-support';
import { produceWithJavaClient } from '../support/java-clients';

/*
 * Ferry's alert rules on a real Prometheus (Debian's binary, scraping every second) over the real
 * services, broken on purpose: each failure must make its alerts fire within 60 s, and the alerts
 * must resolve within 60 s of the recovery. The rules are infra/observability/prometheus/
 * alerts.yaml with every duration divided by 60 (a `for: 15m` waits 15 s, a `[10m]` range is
 * 10 s) and the thresholds that are seconds divided alike (listed below, each checked to appear
 * exactly once): the same expressions, on a clock sixty times faster.
 *
 * Each expectation names the metric its alert reads: alerts on metrics no running service
 * exports yet cannot fire, and say which metric they lacked.
 */

const SPEEDUP = 60;
const SECONDS_THRESHOLDS: Readonly<Record<string, readonly ThresholdOverride[]>> = {
  FerryConsumerLagHigh: [{ from: '> 300', to: '> 5' }],
  FerryErpPollStale: [{ from: '> 300', to: '> 5' }],
  FerryLagExporterStale: [{ from: '> 120', to: '> 2' }],
  FerryDeadLettersUnresolved: [{ from: '> 86400', to: '> 1440' }],
};
/** SKUs the load counts, each a product the Odoo simulator knows. */
const LOAD_SKUS = 40;
/** Load requests outstanding at once, at most. */
const MAX_IN_FLIGHT = 100;
const FIRE_WITHIN_MS = 60_000;
const RESOLVE_WITHIN_MS = 60_000;
const POISON = { key: 'SKU-POISON@WH1', rawHex: '7b226f6e48616e64223a317d' };

interface Expectation {
  readonly alert: string;
  /** The alert's labels that identify this system's instance of it. */
  readonly labels: () => Readonly<Record<string, string>>;
  /** What the alert reads, for the report. */
  readonly metric: string;
}

interface Outcome {
  firingBefore: boolean;
  firedAfterMs?: number;
  resolvedAfterMs?: number;
}

interface Failure {
  readonly name: string;
  /**
   * PromQL over metrics the services export today that returns a sample once the failure has
   * really happened: an alert that stays silent then lacks its metric, not its failure.
   */
  readonly evidence: string;
  readonly expectations: readonly Expectation[];
  induce(): Promise<void>;
  recover(): Promise<void>;
}

function matches(alert: PrometheusAlert, expectation: Expectation): boolean {
  return (
    alert.labels['alertname'] === expectation.alert &&
    Object.entries(expectation.labels()).every(([key, value]) => alert.labels[key] === value)
  );
}

/**
 * The clock is the condition in two places only: the load's pace (requests a second), and the
 * pause between two readings of Prometheus' alerts while each alert's own delay is measured
 * (several alerts per failure, each timed, so no single `waitFor` fits).
 */
const sleep = (ms: number) =>
  new Promise((done) => {
    setTimeout(done, ms);
  });

describe('alerts on a live Prometheus over the running services', () => {
  const env = testEnvironment();
  const outcomes = new Map<Expectation, Outcome>();
  const evidenceSeen = new Set<Failure>();
  const report: string[] = [];
  let relay: TcpRelay;
  let databaseUrl: string;
  let system: FerrySystem;
  let projector: RunningService;
  let lagExporter: RunningService;
  let prometheus: RunningPrometheus;
  let load: { stop(): Promise<void> } | undefined;

  /** Every service, as a target whose labels survive a restart on another port. */
  const targets = (): ScrapeTarget[] =>
    (
      [
        ['order-api', system.orderApi],
        ['wms-adapter', system.wmsAdapter],
        ['erp-adapter', system.erpAdapter],
        ['inventory-projector', projector],
        ['lag-exporter', lagExporter],
      ] as const
    ).map(([job, service]) => ({
      address: new URL(service.opsUrl).host,
      labels: { namespace: 'ferry', job, instance: job },
    }));

  /** Inventory snapshots to the WMS adapter and orders to the order API, ~20 a second each. */
  const startLoad = (): { stop(): Promise<void> } => {
    const stopped = new AbortController();
    let sent = 0;
    const send = async (): Promise<void> => {
      sent += 1;
      const headers = { 'content-type': 'application/json', authorization: system.authorization };
      await Promise.allSettled([
        fetch(`${system.wmsAdapter.url}/v1/inventory-levels`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            sku: `SKU-${sent % LOAD_SKUS}`,
            location: 'WH/Stock',
            onHand: sent,
            version: sent,
          }),
          signal: AbortSignal.timeout(15_000),
        }),
        fetch(`${system.orderApi.url}/api/orders`, {
          method: 'POST',
          headers: { ...headers, 'idempotency-key': `obs-${Date.now()}-${sent}` },
          body: JSON.stringify({
            externalOrderId: `SO-OBS-${Date.now()}-${sent}`,
            channel: 'webshop-eu',
            customer: { customerId: 'C-7', email: 'ana@example.com', name: 'Ana' },
            currency: 'EUR',
            lines: [{ sku: 'SKU-1', quantity: 1, unitPrice: '19.99' }],
            shipping: '4.90',
          }),
          signal: AbortSignal.timeout(15_000),
        }),
      ]);
    };
    // Requests overlap, as real clients' do: a service stuck on its database keeps receiving
    // them, and answers each (5xx) once its own timeouts expire, within the requests' 15 s.
    const inFlight = new Set<Promise<void>>();
    const loop = (async () => {
      while (!stopped.signal.aborted) {
        const sending = send();
        inFlight.add(sending);
        void sending.finally(() => inFlight.delete(sending));
        if (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
        // The load's pace: about 20 requests a second per endpoint.
        await sleep(50);
      }
      await Promise.all(inFlight);
    })();
    return {
      stop: async () => {
        stopped.abort();
        await loop;
      },
    };
  };

  const projectorEnv = () => ({
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
    DATABASE_URL: databaseUrl,
    FERRY_DB_SCHEMA: system.database.schema,
    FERRY_INVENTORY_TOPIC: system.topics.inventory,
    FERRY_CONSUMER_GROUP: system.groups.projector,
    FERRY_RETRY_DELAYS_MS: '1000,2000',
  });

  const failures: Failure[] = [
    {
      name: 'inventory projector killed under load',
      evidence: 'up{job="inventory-projector"} == 0',
      expectations: [
        {
          alert: 'FerryServiceNotLive',
          labels: () => ({ job: 'inventory-projector' }),
          metric: 'up',
        },
        {
          alert: 'FerryConsumerGroupStalled',
          labels: () => ({ group: system.groups.projector }),
          metric: 'ferry_consumergroup_members, ferry_consumergroup_lag_records',
        },
        {
          alert: 'FerryConsumerLagHigh',
          labels: () => ({ group: system.groups.projector }),
          metric: 'ferry_consumergroup_lag_seconds',
        },
      ],
      induce: async () => {
        load = startLoad();
        // Killed once it has committed on its topic: a group with no member and no commit on a
        // topic reads nothing there, for Kafka's own tool as for the exporter.
        await waitFor(
          'the projector to apply events of the load',
          async () =>
            (
              await prometheus.query(
                'ferry_consumer_events_total{job="inventory-projector",outcome="applied"} > 0',
              )
            ).length > 0
              ? true
              : undefined,
          { timeoutMs: 30_000, intervalMs: 250 },
        );
        await projector.kill();
      },
      recover: async () => {
        projector = await startService('inventory-projector', projectorEnv(), { migrate: false });
        prometheus.setTargets(targets());
      },
    },
    {
      name: 'poison message on the inventory topic',
      evidence: 'ferry_consumer_dead_lettered_total{job="inventory-projector"} > 0',
      expectations: [
        {
          alert: 'FerryDeadLettersNew',
          labels: () => ({ topic: deadLetterTopicOf(system.topics.inventory) }),
          metric: 'ferry_dlq_unresolved',
        },
      ],
      induce: async () => {
        if (env.kafkaClasspath === undefined)
          throw new Error('FERRY_KAFKA_CLASSPATH is not set: `npm test` sets it');
        await produceWithJavaClient(
          env.kafkaClasspath,
          {
            bootstrap: env.kafkaBrokers.join(','),
            topic: system.topics.inventory,
            key: POISON.key,
          },
          { rawHex: POISON.rawHex },
        );
      },
      // Nothing to repair: the alert resolves once no new dead letter came for its window.
      recover: () => Promise.resolve(),
    },
    {
      name: 'Postgres unreachable (network frozen) under load',
      // The poll's last success stops moving: no round completes without its cursor store.
      evidence: 'time() - ferry_erp_poll_last_success_timestamp_seconds > 3',
      expectations: [
        {
          alert: 'FerryErpPollStale',
          labels: () => ({ erp: 'odoo', entity: 'purchaseOrder' }),
          metric: 'ferry_erp_poll_last_success_timestamp_seconds',
        },
        {
          alert: 'FerryCircuitOpen',
          labels: () => ({ job: 'inventory-projector', downstream: 'postgres' }),
          metric: 'ferry_circuit_open',
        },
        {
          alert: 'FerryIngestErrorRatio',
          labels: () => ({ job: 'order-api' }),
          metric: 'ferry_http_requests_total',
        },
      ],
      induce: () => {
        load = startLoad();
        relay.freeze();
        return Promise.resolve();
      },
      recover: () => {
        relay.thaw();
        return Promise.resolve();
      },
    },
  ];

  async function run(failure: Failure): Promise<void> {
    const before = await prometheus.alerts();
    for (const expectation of failure.expectations)
      outcomes.set(expectation, {
        firingBefore: before.some((alert) => matches(alert, expectation)),
      });
    const pending = (test: (outcome: Outcome) => boolean) =>
      failure.expectations.filter((expectation) => {
        const outcome = outcomes.get(expectation);
        return outcome !== undefined && test(outcome);
      });
    const inducedAt = Date.now();
    await failure.induce();
    while (Date.now() - inducedAt < FIRE_WITHIN_MS) {
      if (!evidenceSeen.has(failure) && (await prometheus.query(failure.evidence)).length > 0)
        evidenceSeen.add(failure);
      const waiting = pending((outcome) => outcome.firedAfterMs === undefined);
      if (waiting.length === 0 && evidenceSeen.has(failure)) break;
      const alerts = await prometheus.alerts();
      for (const expectation of waiting)
        if (alerts.some((alert) => alert.state === 'firing' && matches(alert, expectation)))
          (outcomes.get(expectation) as Outcome).firedAfterMs = Date.now() - inducedAt;
      await sleep(250);
    }
    const recoveredAt = Date.now();
    try {
      await failure.recover();
      while (Date.now() - recoveredAt < RESOLVE_WITHIN_MS) {
        const waiting = pending(
          (outcome) => outcome.firedAfterMs !== undefined && outcome.resolvedAfterMs === undefined,
        );
        if (waiting.length === 0) break;
        const alerts = await prometheus.alerts();
        for (const expectation of waiting)
          if (!alerts.some((alert) => matches(alert, expectation)))
            (outcomes.get(expectation) as Outcome).resolvedAfterMs = Date.now() - recoveredAt;
        await sleep(250);
      }
    } finally {
      await load?.stop();
      load = undefined;
    }
    for (const expectation of failure.expectations) {
      const outcome = outcomes.get(expectation) as Outcome;
      const seconds = (ms: number | undefined) =>
        ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`;
      report.push(
        [
          `${failure.name}${evidenceSeen.has(failure) ? '' : ' (not seen)'}`.padEnd(52),
          expectation.alert.padEnd(27),
          seconds(outcome.firedAfterMs).padStart(8),
          seconds(outcome.resolvedAfterMs).padStart(8),
          `  ${expectation.metric}`,
        ].join(' '),
      );
    }
  }

  beforeAll(async () => {
    ensurePrometheusTools((line) => process.stdout.write(`${line}\n`));
    const postgres = new URL(env.databaseUrl);
    relay = await startTcpRelay(postgres.hostname, Number(postgres.port || '5432'));
    const viaRelay = new URL(env.databaseUrl);
    viaRelay.host = relay.address;
    databaseUrl = viaRelay.toString();
    // A short statement timeout: the breaker opens after a few statements that time out.
    system = await startFerrySystem({
      endpoints: { ...env, databaseUrl },
      extraEnv: { FERRY_DB_STATEMENT_TIMEOUT_MS: '3000' },
    });
    projector = system.projector;
    // The ERP sink writes the load's stock into Odoo too: Odoo knows every product it counts,
    // so the only dead letters are the ones a case makes on purpose.
    for (let n = 0; n < LOAD_SKUS; n++)
      system.odoo.seed('product.product', { name: `SKU-${n}`, default_code: `SKU-${n}` });
    // This system's projector group and dead letters, read every second; its Postgres is the
    // direct one, so that freezing the services' connections leaves the exporter reading.
    lagExporter = await startService(
      'lag-exporter',
      {
        KAFKA_BROKERS: env.kafkaBrokers.join(','),
        DATABASE_URL: env.databaseUrl,
        FERRY_LAG_GROUP_PREFIX: system.groups.projector,
        FERRY_LAG_CATALOG_GROUPS: 'false',
        FERRY_LAG_POLL_INTERVAL_MS: '1000',
        FERRY_DLQ_TOPIC_PREFIX: system.topics.inventory,
        FERRY_DLQ_AUDIT_SCHEMAS: system.database.schema,
      },
      { migrate: false },
    );
    prometheus = await startPrometheus({
      port: await freePort(),
      rules: shortenedRules(readFileSync(alertRulesFile, 'utf8'), SPEEDUP, SECONDS_THRESHOLDS),
      targets: targets(),
    });
    await waitFor(
      'Prometheus to scrape every service',
      async () => {
        const up = await prometheus.query('up == 1');
        return up.length === targets().length ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
  }, 180_000);

  afterAll(async () => {
    await load?.stop();
    relay.thaw();
    await prometheus.stop();
    await projector.stop();
    await lagExporter.stop();
    await system.stop();
    await relay.close();
    process.stdout.write(
      [
        '',
        `alerts on a live Prometheus (rules ${SPEEDUP}× faster; fired: after the failure, resolved: after the recovery began)`,
        `${'failure'.padEnd(52)} ${'alert'.padEnd(27)} ${'fired'.padStart(8)} ${'resolved'.padStart(8)}   reads`,
        ...report,
        '',
      ].join('\n'),
    );
  }, 60_000);

  describe.each(failures)('$name', (failure) => {
    beforeAll(
      async () => {
        await run(failure);
      },
      FIRE_WITHIN_MS + RESOLVE_WITHIN_MS + 60_000,
    );

    it(`happens (${failure.evidence})`, () => {
      expect(evidenceSeen.has(failure)).toBe(true);
    });

    it.each(failure.expectations)(
      '$alert fires within 60 s and resolves within 60 s of the recovery (reads $metric)',
      (expectation) => {
        const outcome = outcomes.get(expectation);
        expect({
          alert: expectation.alert,
          reads: expectation.metric,
          firingBeforeTheFailure: outcome?.firingBefore,
          fired: outcome?.firedAfterMs !== undefined,
          resolved: outcome?.resolvedAfterMs !== undefined,
        }).toEqual({
          alert: expectation.alert,
          reads: expectation.metric,
          firingBeforeTheFailure: false,
          fired: true,
          resolved: true,
        });
      },
    );
  });
});
