import { parseJson, type SimRequest, type SimResponse } from '../http/simulator-server';
import type { BurstOptions, StockChange, WmsHarness } from './wms-harness';
import { SHIPMENT_STATUSES, type InventorySnapshot, type ShipmentStatus } from './wms-payloads';

/**
 * The WMS's `/__sim/...` control routes, for the demo and for tests in other processes: make
 * stock change, receive goods, ship, burst, and set delivery faults.
 */
export function wmsAdminRoutes(
  wms: WmsHarness,
): (request: SimRequest) => Promise<SimResponse | undefined> {
  return async (request) => {
    try {
      return await route(wms, request);
    } catch (error: unknown) {
      return {
        status: 400,
        json: { error: error instanceof Error ? error.message : String(error) },
      };
    }
  };
}

async function route(wms: WmsHarness, request: SimRequest): Promise<SimResponse | undefined> {
  const body = (): Record<string, unknown> => {
    const json = parseJson(request.rawBody || '{}');
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new Error('body must be a JSON object');
    return json as Record<string, unknown>;
  };
  const text = (value: unknown, name: string): string => {
    if (typeof value !== 'string' || value === '') throw new Error(`${name} is required`);
    return value;
  };
  switch (`${request.httpMethod} ${request.path}`) {
    case 'POST /__sim/target':
      wms.setTarget(text(body()['url'], 'url'));
      return { status: 200, json: { ok: true } };
    case 'GET /__sim/stock':
      return { status: 200, json: wms.stock() };
    case 'POST /__sim/stock':
      return { status: 200, json: wms.setStock(body() as unknown as StockChange) };
    case 'POST /__sim/inventory': {
      const { snapshots, batch } = body();
      wms.sendInventory((Array.isArray(snapshots) ? snapshots : []) as InventorySnapshot[], {
        batch: batch === true,
      });
      return { status: 202, json: { queued: Array.isArray(snapshots) ? snapshots.length : 0 } };
    }
    case 'POST /__sim/goods-receipts': {
      const input = body();
      const location = input['location'];
      return {
        status: 200,
        json: wms.receiveGoods(text(input['purchaseOrderId'], 'purchaseOrderId'), {
          ...(typeof location === 'string' ? { location } : {}),
        }),
      };
    }
    case 'POST /__sim/shipments': {
      const input = body();
      const status = input['status'];
      if (!SHIPMENT_STATUSES.includes(status as ShipmentStatus))
        throw new Error(`status must be one of ${SHIPMENT_STATUSES.join(', ')}`);
      const optional = (key: string): Record<string, string> => {
        const value = input[key];
        return typeof value === 'string' ? { [key]: value } : {};
      };
      return {
        status: 200,
        json: wms.updateShipment({
          shipmentId: text(input['shipmentId'], 'shipmentId'),
          orderId: text(input['orderId'], 'orderId'),
          status: status as ShipmentStatus,
          ...optional('carrier'),
          ...optional('trackingNumber'),
          ...optional('estimatedDeliveryAt'),
          ...optional('statusAt'),
        }),
      };
    }
    case 'POST /__sim/burst':
      return { status: 200, json: await wms.burstInventory(body() as unknown as BurstOptions) };
    case 'GET /__sim/delivery-faults':
      return { status: 200, json: wms.deliveryFaults() };
    case 'POST /__sim/delivery-faults':
      wms.setDeliveryFaults(body());
      return { status: 200, json: wms.deliveryFaults() };
    case 'GET /__sim/deliveries':
      return { status: 200, json: wms.deliveries() };
    case 'GET /__sim/expected-receipts':
      return {
        status: 200,
        json: { receipts: wms.expectedReceipts(), writes: wms.expectedReceiptWrites() },
      };
    default:
      return undefined;
  }
}
