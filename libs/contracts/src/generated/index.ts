// Generated from schemas/ by `npx nx run @ferry/contracts:generate`. Do not edit by hand.
export * from './inventory-levels';
export * from './goods-receipts';
export * from './shipment-status';
export * from './purchase-orders';
export * from './sales-orders';
export * from './invoices';
