import type { ShipmentStatusChanged } from '@ferry/contracts';
import type { Transaction } from '@ferry/persistence';
import { classifyStateOutcomes, newestPerKey, type StateOutcome } from '@ferry/service-host';

const UPSERT = `
WITH incoming AS (
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[],
                       $7::bigint[], $8::bigint[], $9::uuid[])
    AS t(shipment_id, order_id, status, carrier, tracking_number, status_ms, eta_ms, source_version,
         source_event_id)
),
previous AS (
  SELECT s.shipment_id, s.source_version FROM shipments s JOIN incoming i USING (shipment_id)
),
written AS (
  INSERT INTO shipments AS s
    (shipment_id, order_id, status, carrier, tracking_number, status_at, estimated_delivery_at,
     source_version, source_event_id)
  SELECT shipment_id, order_id, status, carrier, tracking_number, to_timestamp(status_ms / 1000.0),
         to_timestamp(eta_ms / 1000.0), source_version, source_event_id
  FROM incoming ORDER BY shipment_id
  ON CONFLICT (shipment_id) DO UPDATE SET
    order_id = EXCLUDED.order_id, status = EXCLUDED.status, carrier = EXCLUDED.carrier,
    tracking_number = EXCLUDED.tracking_number, status_at = EXCLUDED.status_at,
    estimated_delivery_at = EXCLUDED.estimated_delivery_at, source_version = EXCLUDED.source_version,
    source_event_id = EXCLUDED.source_event_id, updated_at = now()
  WHERE s.source_version < EXCLUDED.source_version
  RETURNING s.shipment_id
)
SELECT i.shipment_id, p.source_version AS previous_version, w.shipment_id IS NOT NULL AS written
FROM incoming i LEFT JOIN previous p USING (shipment_id) LEFT JOIN written w USING (shipment_id)`;

const keyOf = (event: ShipmentStatusChanged) => event.shipmentId;

/** Upserts each shipment's latest status; a version at most as new as the stored one changes nothing. */
export async function applyShipmentStatus(
  tx: Transaction,
  events: readonly ShipmentStatusChanged[],
): Promise<Record<StateOutcome, number>> {
  const rows = newestPerKey(events, keyOf);
  const { rows: results } = await tx.query<{
    shipment_id: string;
    previous_version: string | null;
    written: boolean;
  }>(UPSERT, [
    rows.map((e) => e.shipmentId),
    rows.map((e) => e.orderId),
    rows.map((e) => e.status),
    rows.map((e) => e.carrier),
    rows.map((e) => e.trackingNumber),
    rows.map((e) => e.statusAt),
    rows.map((e) => e.estimatedDeliveryAt),
    rows.map((e) => e.sourceVersion),
    rows.map((e) => e.eventId),
  ]);
  return classifyStateOutcomes(
    events,
    new Map(
      results.map((r) => [
        r.shipment_id,
        {
          previousVersion: r.previous_version === null ? undefined : Number(r.previous_version),
          written: r.written,
        },
      ]),
    ),
    keyOf,
  );
}
