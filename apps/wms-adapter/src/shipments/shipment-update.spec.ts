import { deriveEventId } from '@ferry/contracts';
import { shipmentVersion, toShipmentStatusChanged, ShipmentUpdateSchema } from './shipment-update';

const update = (status: string, statusAt: string) =>
  ShipmentUpdateSchema.parse({ shipmentId: 'SH-1', orderId: 'SO-1', status, statusAt });

describe('shipment versions', () => {
  it('order statuses by progression first, so a late IN_TRANSIT never follows DELIVERED', () => {
    const delivered = toShipmentStatusChanged(update('DELIVERED', '2026-11-20T10:00:00Z'));
    const inTransit = toShipmentStatusChanged(update('IN_TRANSIT', '2026-11-21T10:00:00Z'));
    expect(delivered.sourceVersion).toBeGreaterThan(inTransit.sourceVersion);
  });

  it('follow the progression whatever the times, so no status can move a shipment back', () => {
    // The progression of the ShipmentStatus schema; RETURNED and CANCELLED are final.
    const progression = [
      'CREATED',
      'PICKED',
      'PACKED',
      'SHIPPED',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
      'RETURNED',
      'CANCELLED',
    ] as const;
    // Each later status is stamped a day earlier than the one before it.
    const versionOf = (status: (typeof progression)[number]) =>
      shipmentVersion(
        status,
        Date.parse('2026-11-30T10:00:00Z') - progression.indexOf(status) * 86_400_000,
      );
    const byVersion = [...progression].sort((a, b) => versionOf(a) - versionOf(b));
    expect(byVersion).toEqual(progression);
    expect(new Set(progression.map(versionOf)).size).toBe(progression.length);
  });

  it('order two updates of one status by time', () => {
    expect(shipmentVersion('IN_TRANSIT', 2000)).toBeGreaterThan(
      shipmentVersion('IN_TRANSIT', 1000),
    );
  });

  it('stay exact integers for the final statuses', () => {
    const version = shipmentVersion('CANCELLED', Date.parse('2200-01-01T00:00:00Z'));
    expect(Number.isSafeInteger(version)).toBe(true);
  });

  it('give a redelivered update the same event id', () => {
    const first = toShipmentStatusChanged(update('SHIPPED', '2026-11-20T10:00:00Z'));
    const again = toShipmentStatusChanged(update('SHIPPED', '2026-11-20T10:00:00Z'));
    expect(again.eventId).toBe(first.eventId);
    expect(first.eventId).toBe(deriveEventId('wms', 'SH-1', first.sourceVersion));
  });

  it('refuse a status outside the progression', () => {
    const result = ShipmentUpdateSchema.safeParse({
      shipmentId: 'SH-1',
      orderId: 'SO-1',
      status: 'UNKNOWN',
      statusAt: '2026-11-20T10:00:00Z',
    });
    expect(result.success).toBe(false);
  });

  it('refuse a status time whose version would leave the progression', () => {
    const problemsAt = (statusAt: string) =>
      ShipmentUpdateSchema.safeParse({
        shipmentId: 'SH-1',
        orderId: 'SO-1',
        status: 'CREATED',
        statusAt,
      }).error?.issues.map((issue) => issue.path.join('.'));
    expect(problemsAt('1969-12-31T23:59:59.999Z')).toEqual(['statusAt']);
    expect(problemsAt('2286-11-20T17:46:40Z')).toEqual(['statusAt']);
    expect(problemsAt('1970-01-01T00:00:00Z')).toBeUndefined();
    expect(problemsAt('2286-11-20T17:46:39.999Z')).toBeUndefined();
  });

  it('refuse text Postgres or UTF-8 cannot hold in any field', () => {
    for (const field of ['shipmentId', 'orderId', 'carrier', 'trackingNumber']) {
      const result = ShipmentUpdateSchema.safeParse({
        shipmentId: 'SH-1',
        orderId: 'SO-1',
        status: 'SHIPPED',
        statusAt: '2026-11-20T10:00:00Z',
        [field]: field === 'carrier' ? 'DHL\u0000' : 'X\ud800',
      });
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual([field]);
    }
  });
});
