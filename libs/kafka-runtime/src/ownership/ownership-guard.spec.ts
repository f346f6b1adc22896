import { FerryHeaders } from '@ferry/contracts';
import { metricsRegistry } from '@ferry/observability';
import {
  catalogTopicOf,
  OwnershipViolation,
  refuseUnlessOwner,
  SinkGuard,
} from './ownership-guard';

async function counted(name: string, labels: Record<string, string>): Promise<number> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name);
  const value = metric?.values.find((v) =>
    Object.entries(labels).every(([k, l]) => v.labels[k] === l),
  );
  return value?.value ?? 0;
}

describe('refuseUnlessOwner', () => {
  it('lets the owner publish', () => {
    expect(() => {
      refuseUnlessOwner('wms', 'inventoryLevel');
    }).not.toThrow();
  });

  it('refuses an ERP inventory change with a clear error and counts it', async () => {
    const before = await counted('ferry_ownership_refusals_total', {
      system: 'erp',
      entity: 'inventoryLevel',
    });
    expect(() => {
      refuseUnlessOwner('erp', 'inventoryLevel');
    }).toThrow(new OwnershipViolation('erp', 'inventoryLevel'));
    expect(() => {
      refuseUnlessOwner('erp', 'inventoryLevel');
    }).toThrow('erp does not own inventoryLevel: only wms publishes it');
    expect(
      await counted('ferry_ownership_refusals_total', { system: 'erp', entity: 'inventoryLevel' }),
    ).toBe(before + 2);
  });

  it('is never retried', () => {
    expect(new OwnershipViolation('erp', 'inventoryLevel').retriable).toBe(false);
  });
});

describe('catalogTopicOf', () => {
  it('finds the topic of a catalog event type and refuses an unknown one', () => {
    expect(catalogTopicOf('InvoicePosted').entity).toBe('invoice');
    expect(() => catalogTopicOf('StockMoved')).toThrow(/not in the topic catalog/);
  });
});

describe('SinkGuard', () => {
  it('refuses to be built for writing an entity into its owner', () => {
    expect(() => new SinkGuard('erp', 'purchaseOrder')).toThrow(/erp owns it/);
    expect(() => new SinkGuard('erp', 'inventoryLevel')).not.toThrow();
  });

  it('drops and counts an event whose origin is the target system', async () => {
    const guard = new SinkGuard('wms', 'purchaseOrder');
    const before = await counted('ferry_sink_echoes_dropped_total', {
      target: 'wms',
      entity: 'purchaseOrder',
    });
    expect(guard.isEcho({ [FerryHeaders.originSystem]: 'erp' }, 'erp')).toBe(false);
    expect(guard.isEcho({ [FerryHeaders.originSystem]: 'wms' }, 'erp')).toBe(true);
    expect(guard.isEcho({}, 'wms')).toBe(true);
    expect(
      await counted('ferry_sink_echoes_dropped_total', { target: 'wms', entity: 'purchaseOrder' }),
    ).toBe(before + 2);
  });
});
