import { AllTopics } from '../catalog/topics';
import { eventTypesWithInvariants, invariantProblems } from './event-invariants';

const envelope = {
  eventId: '00000000-0000-5000-8000-000000000001',
  sourceSystem: 'wms',
  sourceVersion: 1,
  occurredAt: 0,
};

describe('invariantProblems', () => {
  it('declares invariants for every event type of the catalog', () => {
    expect([...eventTypesWithInvariants].sort()).toEqual(
      AllTopics.map((topic) => topic.eventType).sort(),
    );
  });

  it('refuses an empty entity id and a source version below 1, for any event type', () => {
    expect(invariantProblems('Anything', { ...envelope, entityId: '', sourceVersion: 0 })).toEqual([
      'entityId: is empty',
      'sourceVersion: 0 is below 1',
    ]);
  });

  it('ties a goods receipt to its receipt id and wants every line to receive something', () => {
    const receipt = {
      ...envelope,
      entityId: 'GR-1',
      receiptId: 'GR-2',
      lines: [{ quantity: 1 }, { quantity: 0 }],
    };
    expect(invariantProblems('GoodsReceiptRecorded', receipt)).toEqual([
      'entityId: "GR-1" is not the receiptId "GR-2"',
      'lines[1].quantity: 0 is below 1',
    ]);
  });

  it('ties a shipment status to its shipment id', () => {
    expect(
      invariantProblems('ShipmentStatusChanged', {
        ...envelope,
        entityId: 'S-1',
        shipmentId: 'S-1',
      }),
    ).toEqual([]);
    expect(
      invariantProblems('ShipmentStatusChanged', { ...envelope, entityId: 'S-1', shipmentId: 'S' }),
    ).toEqual(['entityId: "S-1" is not the shipmentId "S"']);
  });

  it('refuses negative prices and quantities of a purchase order', () => {
    const order = {
      ...envelope,
      entityId: '7',
      purchaseOrderId: '7',
      lines: [
        { quantity: -1, unitPrice: '2.0000' },
        { quantity: 3, unitPrice: '-0.5000' },
      ],
    };
    expect(invariantProblems('PurchaseOrderState', order)).toEqual([
      'lines[0].quantity: -1 is below 0',
      'lines[1].unitPrice: -0.5000 is negative',
    ]);
  });

  it('refuses negative money in a sales order, lines and totals', () => {
    const order = {
      ...envelope,
      entityId: 'SO-1',
      externalOrderId: 'SO-1',
      lines: [{ quantity: 1, unitPrice: '1.00', lineTotal: '-1.00' }],
      totals: { subtotal: '1.00', tax: '-0.10', shipping: '0.00', total: '0.90' },
    };
    expect(invariantProblems('SalesOrderPlaced', order)).toEqual([
      'lines[0].lineTotal: -1.00 is negative',
      'totals.tax: -0.10 is negative',
    ]);
  });

  it('ties an invoice to its invoice id', () => {
    expect(
      invariantProblems('InvoicePosted', { ...envelope, entityId: '9', invoiceId: '8' }),
    ).toEqual(['entityId: "9" is not the invoiceId "8"']);
  });

  it('reads an older schema version that lacks a checked field as fine', () => {
    expect(
      invariantProblems('InventoryLevelSet', {
        ...envelope,
        entityId: 'A@B',
        sku: 'A',
        location: 'B',
        onHand: 1,
        reserved: 0,
      }),
    ).toEqual([]);
  });
});
