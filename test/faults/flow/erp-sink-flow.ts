import { startFerrySystem, type FerrySystem } from '@ferry/local-infra';
import type { TestEnvironment } from '@ferry/test-support';
import {
  deliveryFailures,
  deliveryFigures,
  deliveryMeasurement,
  topicContents,
} from '../audit/delivery-figures';
import { installEffectAudit } from '../audit/effect-audit';
import { HealthWatch } from '../health/health-watch';
import { deleteCaseTopics } from '../infra/delete-topics';
import { WmsSnapshotLoad } from '../load/wms-snapshot-load';
import type { FaultSubject, Measurement } from '../report/fault-case';
import { crashedProcesses } from './process-state';

/** Odoo's name of the stock location the simulator seeds, as the WMS names it too. */
const STOCK_LOCATION = 'WH/Stock';

/**
 * WMS inventory into Odoo as real processes: the WMS adapter publishes what the load posts, the
 * ERP adapter's inventory sink writes it into the Odoo simulator (one product per SKU, seeded),
 * with the audit triggers on the dedup table of the sink's group.
 */
export class ErpSinkFlow implements FaultSubject {
  readonly health = new HealthWatch();
  readonly load: WmsSnapshotLoad;
  readonly group: string;

  private constructor(
    readonly system: FerrySystem,
    private readonly kafkaBrokers: readonly string[],
    skuCount: number,
  ) {
    this.group = `${system.groups.erpSinkPrefix}.inventory-levels`;
    this.load = new WmsSnapshotLoad(
      () => system.wmsAdapter.url,
      `${system.topics.inventory}-SKU`,
      skuCount,
      STOCK_LOCATION,
    );
  }

  static async start(env: TestEnvironment, skuCount: number, odooRequestsPerSecond: number) {
    const system = await startFerrySystem({ endpoints: env, odooRequestsPerSecond });
    const flow = new ErpSinkFlow(system, env.kafkaBrokers, skuCount);
    try {
      for (let sku = 0; sku < skuCount; sku++) {
        const code = `${system.topics.inventory}-SKU-${sku}`;
        system.odoo.seed('product.product', { name: code, default_code: code });
      }
      await installEffectAudit(system.database.db, system.database.schema);
      flow.health.watch('erp-adapter', system.erpAdapter.url);
      flow.health.watch('wms-adapter', system.wmsAdapter.url);
    } catch (error: unknown) {
      await flow.stop();
      throw error;
    }
    return flow;
  }

  /** Odoo's on-hand quantity at WH/Stock by SKU. */
  odooQuantities(): Map<string, number> {
    const { odoo } = this.system;
    const products = odoo.searchRead('product.product', [], ['default_code']);
    const skuOf = new Map(products.map((row) => [Number(row['id']), String(row['default_code'])]));
    const quants = odoo.searchRead(
      'stock.quant',
      [['location_id', '=', odoo.locations.stock]],
      ['product_id', 'quantity'],
    );
    const quantities = new Map<string, number>();
    for (const quant of quants) {
      const product = quant['product_id'];
      const id = Array.isArray(product) ? Number(product[0]) : Number(product);
      const sku = skuOf.get(id);
      if (sku !== undefined) quantities.set(sku, Number(quant['quantity']));
    }
    return quantities;
  }

  /** SKUs whose quantity in Odoo is not the newest acknowledged one, one line each. */
  odooDifferences(): string[] {
    const quantities = this.odooQuantities();
    return [...this.load.oracle.newest().values()].flatMap((level) => {
      const found = quantities.get(level.sku);
      return found === level.onHand
        ? []
        : [
            `${level.sku}: expected ${level.onHand} (v${level.sourceVersion}), Odoo has ${String(found)}`,
          ];
    });
  }

  async measure(from: number): Promise<Measurement> {
    const { database, topics } = this.system;
    const topic = await topicContents(this.kafkaBrokers, topics.inventory, this.load);
    const figures = await deliveryFigures(database.db, this.group, this.load, topic, from);
    const differences = this.odooDifferences();
    const { erpAdapter, wmsAdapter } = this.system;
    return deliveryMeasurement(this.load, figures, [
      ...crashedProcesses([
        ['erp-adapter', erpAdapter],
        ['wms-adapter', wmsAdapter],
      ]),
      ...deliveryFailures(figures, topic, this.load, from),
      ...(differences.length > 0
        ? [`Odoo differs from the WMS for ${differences.length} SKUs, e.g. ${differences[0]}`]
        : []),
    ]);
  }

  healthSamples() {
    return this.health.samples();
  }

  processOutputs(): Record<string, string> {
    const { erpAdapter, wmsAdapter, orderApi, projector } = this.system;
    return {
      'erp-adapter': erpAdapter.output(),
      'wms-adapter': wmsAdapter.output(),
      'order-api': orderApi.output(),
      'inventory-projector': projector.output(),
    };
  }

  async stop(): Promise<void> {
    this.load.stop();
    await this.health.stop();
    await this.system.stop();
    const topics = Object.values(this.system.topics);
    const problem = await deleteCaseTopics(this.kafkaBrokers.join(','), topics);
    if (problem !== undefined) console.warn(`topics of the ERP case not deleted: ${problem}`);
  }
}
