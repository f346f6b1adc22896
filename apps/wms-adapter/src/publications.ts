import {
  GoodsReceiptRecordedContract,
  InventoryLevelSetContract,
  ShipmentStatusChangedContract,
} from '@ferry/contracts';
import { definePublications } from '@ferry/service-host';
import { WMS_SOURCE } from './inventory/inventory-snapshot';

/** Everything the WMS adapter publishes, as the WMS: the entities the WMS owns. */
export const wmsPublications = definePublications(WMS_SOURCE, [
  InventoryLevelSetContract,
  GoodsReceiptRecordedContract,
  ShipmentStatusChangedContract,
]);
