import { SalesOrderPlacedContract } from '@ferry/contracts';
import { definePublications } from '@ferry/service-host';
import { STOREFRONT_SOURCE } from './orders/order-request';

/** Everything the order API publishes, as the storefront: the owner of sales orders. */
export const orderApiPublications = definePublications(STOREFRONT_SOURCE, [
  SalesOrderPlacedContract,
]);
