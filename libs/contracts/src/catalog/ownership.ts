import type { SourceSystem, System } from './systems';

/**
 * Who owns what. Every entity type has exactly one authoritative system; its state flows from that
 * owner to the receivers and never back. Adapters consult this map before publishing and sinks
 * before writing, so a non-owner cannot publish an entity and nothing writes into its owner.
 */
export const Ownership = {
  inventoryLevel: { owner: 'wms', receivers: ['erp', 'storefront', 'analytics'] },
  purchaseOrder: { owner: 'erp', receivers: ['wms'] },
  goodsReceipt: { owner: 'wms', receivers: ['erp'] },
  salesOrder: { owner: 'storefront', receivers: ['erp', 'wms'] },
  shipmentStatus: { owner: 'wms', receivers: ['erp', 'storefront'] },
  invoice: { owner: 'erp', receivers: ['storefront', 'analytics'] },
} as const satisfies Record<string, { owner: SourceSystem; receivers: readonly System[] }>;

export type Entity = keyof typeof Ownership;

export function ownerOf(entity: Entity): SourceSystem {
  return Ownership[entity].owner;
}

/** Only the owner may publish an entity's state. */
export function mayPublish(system: string, entity: Entity): boolean {
  return ownerOf(entity) === system;
}

/** A sink may write an entity into `target` only if `target` receives it (never its owner). */
export function mayWriteInto(target: string, entity: Entity): boolean {
  return (Ownership[entity].receivers as readonly string[]).includes(target);
}
