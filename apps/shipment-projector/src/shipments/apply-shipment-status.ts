import type { ShipmentStatusChanged } from '@ferry/contracts';
import { column, stateUpsert } from '@ferry/persistence';

/**
 * Each shipment's latest status; a version at most as new as the stored one changes nothing.
 * The WMS orders versions by status progression first, so a shipment never moves backwards.
 */
export const applyShipmentStatus = stateUpsert<ShipmentStatusChanged>({
  table: 'shipments',
  key: { shipment_id: column('text', (e) => e.shipmentId) },
  columns: {
    order_id: column('text', (e) => e.orderId),
    status: column('text', (e) => e.status),
    carrier: column('text', (e) => e.carrier),
    tracking_number: column('text', (e) => e.trackingNumber),
    status_at: column('timestamptz', (e) => e.statusAt),
    estimated_delivery_at: column('timestamptz', (e) => e.estimatedDeliveryAt),
  },
});
