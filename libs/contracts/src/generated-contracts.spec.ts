import { ContractViolation } from './contract';
import { deriveEventId } from './event-id';
import {
  decodeInventoryLevelSet,
  decodeSalesOrderPlaced,
  encodeInventoryLevelSet,
  encodeSalesOrderPlaced,
  InventoryLevelSetContract,
  InventoryLevelSetV1Contract,
  InventoryLevelSetV2Contract,
  ShipmentStatusChangedV1Contract,
  ShipmentStatusChangedV2Contract,
  type InventoryLevelSet,
  type InventoryLevelSetV1,
  type SalesOrderPlaced,
  type ShipmentStatusChanged,
} from './generated';

const envelope = (entityId: string, version: number) => ({
  eventId: deriveEventId('wms', entityId, version),
  entityId,
  sourceSystem: 'wms',
  sourceVersion: version,
  occurredAt: 1_700_000_000_000,
});

const levelV2: InventoryLevelSet = {
  ...envelope('SKU-1@WH1', 3),
  sku: 'SKU-1',
  location: 'WH1',
  onHand: 42,
  reserved: 2,
  available: 40,
  unit: 'unit',
  inTransit: 5,
  binCode: 'A-01-3',
};

describe('generated contracts', () => {
  it('round-trip through plain Avro', () => {
    expect(decodeInventoryLevelSet(encodeInventoryLevelSet(levelV2))).toEqual(levelV2);
  });

  it('name the offending field of an invalid value', () => {
    expect(() => InventoryLevelSetContract.validate({ ...levelV2, onHand: 'many' })).toThrow(
      new ContractViolation('InventoryLevelSet', [
        'onHand: "many" is not a long (an integer within ±9007199254740990)',
      ]),
    );
    expect(() => InventoryLevelSetContract.validate(null)).toThrow(ContractViolation);
  });

  it('carry money as exact decimal strings, never floats', () => {
    const order: SalesOrderPlaced = {
      ...envelope('WEB-1001', 1),
      sourceSystem: 'storefront',
      externalOrderId: 'WEB-1001',
      channel: 'web',
      customer: { customerId: 'C-1', email: 'ada@example.com', name: 'Ada' },
      lines: [{ sku: 'SKU-1', quantity: 3, unitPrice: '0.1000', lineTotal: '0.3000' }],
      currency: 'EUR',
      totals: { subtotal: '0.3000', tax: '0.0600', shipping: '4.9900', total: '5.3500' },
      placedAt: 1_700_000_000_000,
    };
    expect(decodeSalesOrderPlaced(encodeSalesOrderPlaced(order))).toEqual(order);
    expect(() =>
      encodeSalesOrderPlaced({
        ...order,
        currency: 'EUR',
        totals: { ...order.totals, total: '5.35001' },
      }),
    ).toThrow(/totals\.total/);
  });
});

describe('schema evolution (Avro resolution, no registry)', () => {
  it('a v1 reader reads v2 data, ignoring the fields it does not know', () => {
    const bytes = InventoryLevelSetV2Contract.avroType.toBuffer(levelV2);
    const resolver = InventoryLevelSetV1Contract.avroType.createResolver(
      InventoryLevelSetV2Contract.avroType,
    );
    const read: unknown = InventoryLevelSetV1Contract.avroType.fromBuffer(bytes, resolver);
    const { inTransit: _inTransit, binCode: _binCode, ...v1Fields } = levelV2;
    expect(InventoryLevelSetV1Contract.validate(read)).toEqual(v1Fields);
  });

  it('a v2 reader reads v1 data, filling the new fields with their defaults', () => {
    const { inTransit: _inTransit, binCode: _binCode, ...v1 } = levelV2;
    const bytes = InventoryLevelSetV1Contract.avroType.toBuffer(v1 satisfies InventoryLevelSetV1);
    const resolver = InventoryLevelSetV2Contract.avroType.createResolver(
      InventoryLevelSetV1Contract.avroType,
    );
    expect(InventoryLevelSetV2Contract.avroType.fromBuffer(bytes, resolver)).toEqual({
      ...v1,
      inTransit: 0,
      binCode: null,
    });
  });

  it('shipment status v1 and v2 read each other', () => {
    const v2: ShipmentStatusChanged = {
      ...envelope('SHP-1', 4),
      shipmentId: 'SHP-1',
      orderId: 'WEB-1001',
      status: 'IN_TRANSIT',
      carrier: 'DHL',
      trackingNumber: '00340434161094042557',
      statusAt: 1_700_000_100_000,
      estimatedDeliveryAt: 1_700_086_400_000,
    };
    const v1Reader = ShipmentStatusChangedV1Contract.avroType.createResolver(
      ShipmentStatusChangedV2Contract.avroType,
    );
    const { estimatedDeliveryAt: _eta, ...v1 } = v2;
    expect(
      ShipmentStatusChangedV1Contract.avroType.fromBuffer(
        ShipmentStatusChangedV2Contract.avroType.toBuffer(v2),
        v1Reader,
      ),
    ).toEqual(v1);
    const v2Reader = ShipmentStatusChangedV2Contract.avroType.createResolver(
      ShipmentStatusChangedV1Contract.avroType,
    );
    expect(
      ShipmentStatusChangedV2Contract.avroType.fromBuffer(
        ShipmentStatusChangedV1Contract.avroType.toBuffer(v1),
        v2Reader,
      ),
    ).toEqual({
      ...v1,
      estimatedDeliveryAt: null,
    });
  });
});
