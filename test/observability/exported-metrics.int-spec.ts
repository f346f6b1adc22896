import {
  declaredMetrics,
  FerryMetrics,
  loadAlertRules,
  metricNamesUsed,
  ScrapeSeries,
  seriesNamesOf,
  type CatalogMetric,
} from '@ferry/observability-config';
import { startFerrySystem, type FerrySystem } from '@ferry/local-infra';
import {
  readMetrics,
  startService,
  testEnvironment,
  uniqueName,
  type RunningService,
} from '@ferry/test-support';

/*
 * The metric names the alert rules and the dashboards read, held against what Ferry's services
 * really export: every deployable service runs (the whole system between the simulators, and the
 * shipment projector), and its /metrics is scraped. A metric counts as exported when a service
 * declares it (its `# TYPE` line), sampled yet or not. A failure lists exactly the missing names.
 */
describe('metrics the alerts and dashboards read', () => {
  const env = testEnvironment();
  let system: FerrySystem;
  let shipmentProjector: RunningService;
  let lagExporter: RunningService;
  let declared: CatalogMetric[];
  let exported: Set<string>;

  beforeAll(async () => {
    system = await startFerrySystem({ endpoints: env });
    shipmentProjector = await startService('shipment-projector', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      DATABASE_URL: env.databaseUrl,
      FERRY_DB_SCHEMA: system.database.schema,
      FERRY_SHIPMENT_STATUS_TOPIC: system.topics.shipmentStatus,
      FERRY_CONSUMER_GROUP: uniqueName('obs_shipments'),
    });
    lagExporter = await startService(
      'lag-exporter',
      {
        KAFKA_BROKERS: env.kafkaBrokers.join(','),
        DATABASE_URL: env.databaseUrl,
        FERRY_LAG_GROUP_PREFIX: system.groups.projector,
        FERRY_LAG_CATALOG_GROUPS: 'false',
        FERRY_DLQ_TOPIC_PREFIX: system.topics.inventory,
        FERRY_DLQ_AUDIT_SCHEMAS: system.database.schema,
      },
      { migrate: false },
    );
    // Every deployable service.
    const services = [
      system.orderApi,
      system.wmsAdapter,
      system.erpAdapter,
      system.projector,
      shipmentProjector,
      lagExporter,
    ];
    const pages = await Promise.all(services.map((service) => readMetrics(service.opsUrl)));
    declared = pages.flatMap(declaredMetrics);
    exported = new Set(declared.flatMap(seriesNamesOf));
  }, 180_000);

  afterAll(async () => {
    await shipmentProjector.stop();
    await lagExporter.stop();
    await system.stop();
  });

  it('are all exported by a running service', () => {
    const missing = [...metricNamesUsed(loadAlertRules())]
      .filter((name) => !exported.has(name) && !ScrapeSeries.has(name))
      .sort();
    expect(missing).toEqual([]);
  });

  it('include every metric of the catalog', () => {
    const missing = FerryMetrics.filter((metric) =>
      seriesNamesOf(metric).some((name) => !exported.has(name)),
    ).map((metric) => `${metric.name} (${metric.type})`);
    expect(missing).toEqual([]);
  });

  it('are exported with the type the catalog says', () => {
    // A gauge where the catalog says histogram would leave every _bucket query empty.
    const wrong = declared
      .filter((metric) =>
        FerryMetrics.some((known) => known.name === metric.name && known.type !== metric.type),
      )
      .map((metric) => `${metric.name} (${metric.type})`);
    expect([...new Set(wrong)]).toEqual([]);
  });
});
