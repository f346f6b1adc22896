/** The entity id (and Kafka key) of a SKU at a location. */
export function inventoryEntityId(sku: string, location: string): string {
  return `${sku}@${location}`;
}
