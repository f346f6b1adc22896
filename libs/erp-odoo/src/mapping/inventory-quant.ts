import type { InventoryLevelSet } from '@ferry/contracts';

/**
 * `stock.quant` values that set a counted quantity: `inventory_quantity` is the absolute count,
 * and `action_apply_inventory` makes it the on-hand quantity (Odoo books the difference as an
 * inventory adjustment). Setting the same level twice changes nothing the second time.
 * Quantities are in the product's unit of measure; the WMS and Odoo must agree on it.
 */
export function inventoryQuantVals(
  level: InventoryLevelSet,
  productId: number,
  locationId: number,
): Record<string, unknown> {
  return { product_id: productId, location_id: locationId, inventory_quantity: level.onHand };
}
