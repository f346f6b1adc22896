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
});
