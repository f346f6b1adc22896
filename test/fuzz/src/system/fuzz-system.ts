import type { KafkaConnection } from '@ferry/kafka-runtime';
import {
  startFerrySystem,
  WEBHOOK_SECRET,
  type Endpoints,
  type FerrySystem,
} from '@ferry/local-infra';
import { startService, uniqueName, type RunningService } from '@ferry/test-support';
import type { FuzzTargets } from '../send/send-plan';

/**
 * The system the fuzz runs against: every Ferry service between the simulated Odoo and WMS
 * (`startFerrySystem`), plus the shipment projector, so that shipment updates reach a projection
 * too. The ERP sink is off: it would write every fuzzed order, receipt and level into the
 * simulated Odoo, whose missing products would fill its DLQ with failures that say nothing about
 * the HTTP surfaces.
 */
export interface FuzzSystem {
  readonly ferry: FerrySystem;
  readonly shipmentProjector: RunningService;
  readonly targets: FuzzTargets;
  readonly connection: KafkaConnection;
  stop(): Promise<void>;
}

const SERVICE_ENV = { FERRY_LOG_LEVEL: 'error' };

/** Purchase orders the webhook baselines name (ids 1 to 8 in the simulated Odoo). */
function seedPurchaseOrders(ferry: FerrySystem): void {
  const { odoo } = ferry;
  const [product = 0] = odoo.seed('product.product', { name: 'Fuzz lamp', default_code: 'FZ-1' });
  const [vendor = 0] = odoo.seed('res.partner', { name: 'Fuzz BV', is_company: true });
  for (let order = 0; order < 5; order++)
    odoo.seed('purchase.order', {
      partner_id: vendor,
      order_line: [
        [0, 0, { product_id: product, name: 'Fuzz lamp', product_qty: 1 + order, price_unit: 9 }],
      ],
    });
}

export async function startFuzzSystem(endpoints: Endpoints): Promise<FuzzSystem> {
  const ferry = await startFerrySystem({
    endpoints,
    // Webhook deliveries re-read Odoo; the default pace (20/s) would make them queue for minutes.
    odooRequestsPerSecond: 1000,
    extraErpEnv: { FERRY_ROLE: 'intake' },
    extraEnv: SERVICE_ENV,
  });
  let shipmentProjector: RunningService;
  try {
    shipmentProjector = await startService('shipment-projector', {
      ...SERVICE_ENV,
      KAFKA_BROKERS: endpoints.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: endpoints.schemaRegistryUrl,
      DATABASE_URL: endpoints.databaseUrl,
      FERRY_DB_SCHEMA: ferry.database.schema,
      FERRY_SHIPMENT_STATUS_TOPIC: ferry.topics.shipmentStatus,
      FERRY_CONSUMER_GROUP: uniqueName('fz_shipments'),
      FERRY_RETRY_DELAYS_MS: '1000,2000',
    });
    seedPurchaseOrders(ferry);
  } catch (error: unknown) {
    await ferry.stop();
    throw error;
  }
  return {
    ferry,
    shipmentProjector,
    targets: {
      urls: {
        wmsAdapter: ferry.wmsAdapter.url,
        orderApi: ferry.orderApi.url,
        erpAdapter: ferry.erpAdapter.url,
      },
      webhookSecret: WEBHOOK_SECRET,
      authorization: ferry.authorization,
    },
    connection: {
      brokers: endpoints.kafkaBrokers,
      clientId: 'ferry-fuzz',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30_000,
    },
    stop: async () => {
      await shipmentProjector.stop();
      await ferry.stop();
    },
  };
}
