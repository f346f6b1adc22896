import { IngressScopes } from '@ferry/contracts';
import type { IngressRoute } from '@ferry/service-host';

/** The order API's business route and the scope it needs (see docs/adapters.md). */
export const orderIngressRoutes: readonly IngressRoute[] = [
  { method: 'POST', path: '/api/orders', scope: IngressScopes.ordersWrite },
];
