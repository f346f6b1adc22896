import { join } from 'node:path';
import {
  ShipmentStatusChangedContract,
  Topics,
  type ShipmentStatusChanged,
} from '@ferry/contracts';
import type { ConsumerDeclaration } from '@ferry/service-host';
import { applyShipmentStatus } from './apply-shipment-status';

/** ShipmentStatusChanged events → `shipments`, the latest status per shipment. */
export const shipmentProjection: ConsumerDeclaration<ShipmentStatusChanged> = {
  name: 'shipment-projection',
  topic: Topics.shipmentStatus,
  contract: ShipmentStatusChangedContract,
  migrations: [
    { owner: 'shipment-projector', directory: join(__dirname, '..', '..', 'migrations') },
  ],
  apply: (tx, events) =>
    applyShipmentStatus(
      tx,
      events.map((event) => event.value),
    ),
};
