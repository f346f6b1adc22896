/**
 * OAuth2 scopes a caller's bearer token must hold, one per command it may send into Ferry. Each
 * names the entity it lets the caller write, so an IdP grants a WMS the WMS's scopes only.
 */
export const IngressScopes = {
  /** POST /v1/inventory-levels (WMS adapter). */
  inventoryWrite: 'ferry:inventory.write',
  /** POST /v1/goods-receipts (WMS adapter). */
  receiptsWrite: 'ferry:receipts.write',
  /** POST /v1/shipment-status (WMS adapter). */
  shipmentsWrite: 'ferry:shipments.write',
  /** POST /api/orders (order API). */
  ordersWrite: 'ferry:orders.write',
} as const;

export type IngressScope = (typeof IngressScopes)[keyof typeof IngressScopes];
