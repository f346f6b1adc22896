import { IngressScopes } from '@ferry/contracts';
import type { IngressRoute } from '@ferry/service-host';

/** The WMS adapter's business routes and the scope each needs (see docs/adapters.md). */
export const wmsIngressRoutes: readonly IngressRoute[] = [
  { method: 'POST', path: '/v1/inventory-levels', scope: IngressScopes.inventoryWrite },
  { method: 'POST', path: '/v1/goods-receipts', scope: IngressScopes.receiptsWrite },
  { method: 'POST', path: '/v1/shipment-status', scope: IngressScopes.shipmentsWrite },
];
