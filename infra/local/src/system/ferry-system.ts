import {
  startOdooSimulator,
  startWmsSimulator,
  type OdooSimulator,
  type WmsSimulator,
} from '@ferry/simulators';
import {
  isolatedDatabase,
  localAuthorization,
  readMetrics,
  sampleValue,
  startService,
  uniqueName,
  type IsolatedDatabase,
  type RunningService,
} from '@ferry/test-support';
import { ServiceAccess, Topics } from '@ferry/contracts';
import type { Endpoints } from '../endpoints';
import { serviceKafkaLogin } from '../kafka/secured-access';

/** The topics of one scenario, its own so that scenarios never see each other's events. */
export interface ScenarioTopics {
  readonly inventory: string;
  readonly goodsReceipts: string;
  readonly shipmentStatus: string;
  readonly purchaseOrders: string;
  readonly salesOrders: string;
  readonly invoices: string;
}

/**
 * Every part of a Ferry installation between a WMS and an Odoo, as real processes: the WMS
 * adapter (with its expected-receipts sink), the ERP adapter (webhooks, catch-up poll, ERP
 * sink), the order API and the inventory projector, against the two simulators, on real Kafka,
 * registry and Postgres. Used by the demo and by the scenario tests (test/scenarios).
 */
export interface FerrySystem {
  readonly odoo: OdooSimulator;
  readonly wms: WmsSimulator;
  /** The WMS adapter's intake (its HTTP endpoints); the whole adapter unless `split`. */
  readonly wmsAdapter: RunningService;
  /** The ERP adapter's intake (webhooks, catch-up poll); the whole adapter unless `split`. */
  readonly erpAdapter: RunningService;
  /** The process sending expected receipts into the WMS: `wmsAdapter` unless `split`. */
  readonly wmsSink: RunningService;
  /** The process writing into Odoo: `erpAdapter` unless `split`. */
  readonly erpSink: RunningService;
  readonly orderApi: RunningService;
  readonly projector: RunningService;
  readonly database: IsolatedDatabase;
  readonly topics: ScenarioTopics;
  readonly groups: { readonly projector: string; readonly erpSinkPrefix: string };
  /**
   * `Bearer <token>` of the local issuer the services trust, holding every ingress scope: what a
   * caller of the WMS adapter and the order API sends (the WMS simulator sends it too).
   */
  readonly authorization: string;
  /** Sum of a counter on a service's /metrics, over the samples whose labels include `labels`. */
  metric(service: RunningService, name: string, labels?: Record<string, string>): Promise<number>;
  stop(): Promise<void>;
}

export const WEBHOOK_SECRET = 'scenario-webhook-secret-0001';

export interface FerrySystemOptions {
  /**
   * With `kafkaSecurity` (a cluster started `--secure`), every service connects as its own
   * principal, on the catalog's topics and default groups, which is all its ACLs allow.
   */
  readonly endpoints: Pick<
    Endpoints,
    'kafkaBrokers' | 'schemaRegistryUrl' | 'databaseUrl' | 'kafkaSecurity' | 'registryClientEnv'
  >;
  /** Requests per second the ERP adapter allows itself against Odoo. */
  readonly odooRequestsPerSecond?: number;
  readonly extraErpEnv?: Readonly<Record<string, string>>;
  /** Environment every service gets on top of its own (FERRY_LOG_LEVEL, say). */
  readonly extraEnv?: Readonly<Record<string, string>>;
  /**
   * Each adapter as two processes, intake and sink (`FERRY_ROLE`), as Kubernetes runs them;
   * otherwise one process each, running both.
   */
  readonly split?: boolean;
}

const CATALOG_TOPICS: ScenarioTopics = {
  inventory: Topics.inventoryLevels.name,
  goodsReceipts: Topics.goodsReceipts.name,
  shipmentStatus: Topics.shipmentStatus.name,
  purchaseOrders: Topics.purchaseOrders.name,
  salesOrders: Topics.salesOrders.name,
  invoices: Topics.invoices.name,
};

/** The default group of a service's consumption of `topic`, as its ACLs name it. */
function catalogGroup(service: string, topic: string): string {
  const access = ServiceAccess.find((item) => item.service === service);
  const consumption = access?.consumes.find((item) => Topics[item.topic].name === topic);
  if (consumption === undefined) throw new Error(`${service} declares no consumption of ${topic}`);
  return consumption.group;
}

export async function startFerrySystem(options: FerrySystemOptions): Promise<FerrySystem> {
  const env = options.endpoints;
  const security = env.kafkaSecurity;
  // A secured cluster has only the catalog's topics, and each service may use only its own.
  const topics: ScenarioTopics =
    security === undefined
      ? {
          inventory: uniqueName('sc_inventory'),
          goodsReceipts: uniqueName('sc_receipts'),
          shipmentStatus: uniqueName('sc_shipments'),
          purchaseOrders: uniqueName('sc_purchase_orders'),
          salesOrders: uniqueName('sc_sales_orders'),
          invoices: uniqueName('sc_invoices'),
        }
      : CATALOG_TOPICS;
  const groups =
    security === undefined
      ? { projector: uniqueName('sc_projector'), erpSinkPrefix: uniqueName('sc_erp') }
      : {
          projector: catalogGroup('inventory-projector', topics.inventory),
          erpSinkPrefix: 'ferry.erp-sink',
        };
  const wmsSinkGroup =
    security === undefined
      ? uniqueName('sc_wms_sink')
      : catalogGroup('wms-adapter', topics.purchaseOrders);
  const kafkaLogin = (service: string) => serviceKafkaLogin(env, service);
  const database = isolatedDatabase(env.databaseUrl, 'scenario');
  const odoo = await startOdooSimulator({ signing: { secret: WEBHOOK_SECRET } });
  const wms = await startWmsSimulator();
  const shared = {
    ...options.extraEnv,
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
    ...env.registryClientEnv,
    DATABASE_URL: env.databaseUrl,
    FERRY_DB_SCHEMA: database.schema,
    FERRY_INVENTORY_TOPIC: topics.inventory,
    FERRY_GOODS_RECEIPT_TOPIC: topics.goodsReceipts,
    FERRY_SHIPMENT_STATUS_TOPIC: topics.shipmentStatus,
    FERRY_PURCHASE_ORDER_TOPIC: topics.purchaseOrders,
    FERRY_SALES_ORDER_TOPIC: topics.salesOrders,
    FERRY_INVOICE_TOPIC: topics.invoices,
    // Compressed retry schedule: a scenario runs for seconds, not hours. A secured cluster keeps
    // the catalog's tiers: its services may not create topics.
    ...(security === undefined ? { FERRY_RETRY_DELAYS_MS: '1000,2000' } : {}),
  };
  const wmsEnv = {
    ...shared,
    ...kafkaLogin('wms-adapter'),
    FERRY_WMS_URL: wms.url,
    FERRY_WMS_SINK_GROUP: wmsSinkGroup,
  };
  const erpEnv = {
    ...shared,
    ...kafkaLogin('erp-adapter'),
    ODOO_URL: odoo.url,
    ODOO_PROTOCOL: 'json2',
    ODOO_DATABASE: odoo.credentials.database,
    ODOO_API_KEY: odoo.credentials.apiKey,
    ODOO_REQUESTS_PER_SECOND: String(options.odooRequestsPerSecond ?? 20),
    FERRY_ODOO_WEBHOOK_SECRETS: WEBHOOK_SECRET,
    FERRY_ODOO_POLL_INTERVAL_MS: '1000',
    FERRY_ODOO_POLL_SETTLE_MS: '2000',
    FERRY_ERP_SINK_GROUP_PREFIX: groups.erpSinkPrefix,
    ...options.extraErpEnv,
  };
  const roles = options.split === true ? (['intake', 'sink'] as const) : (['all'] as const);
  const adapters = roles.flatMap((role) => [
    startService('wms-adapter', { ...wmsEnv, FERRY_ROLE: role }),
    startService('erp-adapter', { ...erpEnv, FERRY_ROLE: role }),
  ]);
  const starting = await Promise.allSettled([
    startService('order-api', { ...shared, ...kafkaLogin('order-api') }),
    startService('inventory-projector', {
      ...shared,
      ...kafkaLogin('inventory-projector'),
      FERRY_CONSUMER_GROUP: groups.projector,
    }),
    ...adapters,
  ]);
  const started = starting.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value] : [],
  );
  const failed = starting.find((result) => result.status === 'rejected');
  if (failed || started.length !== starting.length) {
    // One service did not come up: stop the others and everything else started here.
    await Promise.all(started.map((service) => service.stop()));
    await Promise.all([odoo.stop(), wms.stop()]);
    await database.drop();
    throw failed?.reason ?? new Error('a service did not start');
  }
  const [orderApi, projector, wmsAdapter, erpAdapter, wmsSink = wmsAdapter, erpSink = erpAdapter] =
    started as [
      RunningService,
      RunningService,
      RunningService,
      RunningService,
      RunningService | undefined,
      RunningService | undefined,
    ];
  // Valid for a day: a demo left running or a long scenario outlives the default hour.
  const authorization = await localAuthorization({ expiresInSeconds: 24 * 3600 });
  wms.setTarget(wmsAdapter.url, authorization);
  const webhookUrl = `${erpAdapter.url}/v1/erp/odoo/webhooks`;
  for (const model of ['purchase.order', 'account.move', 'stock.quant']) {
    odoo.addWebhook({
      model,
      url: webhookUrl,
      trigger: 'on_create_or_write',
      fields: ['write_date'],
    });
  }
  return {
    odoo,
    wms,
    wmsAdapter,
    erpAdapter,
    wmsSink,
    erpSink,
    orderApi,
    projector,
    database,
    topics,
    groups,
    authorization,
    metric: async (service, name, labels = {}) =>
      sampleValue(await readMetrics(service.url), name, labels),
    stop: async () => {
      await Promise.all(started.map((service) => service.stop()));
      await Promise.all([odoo.stop(), wms.stop()]);
      await database.drop();
    },
  };
}
