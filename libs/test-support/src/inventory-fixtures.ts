import { deriveEventId, inventoryEntityId, type InventoryLevelSet } from '@ferry/contracts';

/** A valid InventoryLevelSet as the WMS would publish it, with only what a test cares about given. */
export function inventoryLevelSet(
  sku: string,
  version: number,
  onHand: number,
  location = 'WH1',
): InventoryLevelSet {
  const entityId = inventoryEntityId(sku, location);
  return {
    eventId: deriveEventId('wms', entityId, version),
    entityId,
    sourceSystem: 'wms',
    sourceVersion: version,
    occurredAt: 1_700_000_000_000 + version,
    sku,
    location,
    onHand,
    reserved: 0,
    available: onHand,
    unit: 'unit',
    inTransit: 0,
    binCode: null,
  };
}
