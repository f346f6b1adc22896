import type { ServerFault } from '../http/faults';
import { Outbox, type DeliveryFaults } from '../http/outbox';
import type { RecordedRequest, RequestFilter } from '../http/request-log';
import type { SigningOptions } from '../http/signing';
import { SimulatorServer, type SimRequest, type SimResponse } from '../http/simulator-server';
import { ExpectedReceiptStore } from './expected-receipts';
import { wmsAdminRoutes } from './wms-admin';
import type { StockChange, WmsHarness } from './wms-harness';
import type { GoodsReceipt, InventorySnapshot, ShipmentStatusUpdate } from './wms-payloads';

export interface WmsTargetPaths {
  readonly inventory: string;
  readonly goodsReceipts: string;
  readonly shipmentStatus: string;
}

export const DEFAULT_WMS_TARGET_PATHS: WmsTargetPaths = {
  inventory: '/v1/inventory-levels',
  goodsReceipts: '/v1/goods-receipts',
  shipmentStatus: '/v1/shipment-status',
};

export interface WmsSimulatorOptions {
  /** Base URL of Ferry's wms-adapter; can also be set later with `setTarget`. */
  readonly targetUrl?: string;
  readonly targetPaths?: Partial<WmsTargetPaths>;
  /** Signs outbound messages (off by default: the wms-adapter does not check signatures yet). */
  readonly signing?: SigningOptions;
  readonly deliveryFaults?: DeliveryFaults;
  /** Attempts per message; a WMS usually retries a few times. Default 1. */
  readonly maxAttempts?: number;
  readonly timeoutMs?: number;
  readonly fault?: ServerFault;
  readonly random?: () => number;
  readonly port?: number;
  /** Location used when none is given. Default 'WH/Stock'. */
  readonly defaultLocation?: string;
  /** The warehouse named in goods receipts. Default 'WH'. */
  readonly warehouse?: string;
}

export interface WmsSimulator extends WmsHarness {
  readonly url: string;
  readonly adminUrl: string;
  readonly port: number;
  readonly fault: ServerFault;
  setFault(fault: ServerFault): Promise<void>;
  requests(filter?: RequestFilter): RecordedRequest[];
  maxRequestsPerSecond(filter?: RequestFilter): number;
  clearRequests(): void;
  stop(): Promise<void>;
}

const RECEIPT_PATH = /^\/api\/expected-receipts\/([^/]+)$/;

export async function startWmsSimulator(options: WmsSimulatorOptions = {}): Promise<WmsSimulator> {
  const paths = { ...DEFAULT_WMS_TARGET_PATHS, ...options.targetPaths };
  const defaultLocation = options.defaultLocation ?? 'WH/Stock';
  const warehouse = options.warehouse ?? 'WH';
  let target = options.targetUrl;
  const receipts = new ExpectedReceiptStore();
  const inventory = new Map<string, InventorySnapshot>();
  let receiptCount = 0;
  const outbox = new Outbox({
    timeoutMs: options.timeoutMs ?? 5000,
    maxAttempts: options.maxAttempts ?? 1,
    ...(options.signing ? { signing: options.signing } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  if (options.deliveryFaults) outbox.setFaults(options.deliveryFaults);

  const urlOf = (path: string): string => {
    if (target === undefined)
      throw new Error('WMS simulator has no target URL: call setTarget first');
    return `${target.replace(/\/$/, '')}${path}`;
  };
  const post = (path: string, body: unknown, label: string): void => {
    outbox.enqueue({ url: urlOf(path), rawBody: JSON.stringify(body), label });
  };
  const nextSnapshot = (change: StockChange): InventorySnapshot => {
    const location = change.location ?? defaultLocation;
    const previous = inventory.get(`${change.sku}@${location}`);
    const reserved = change.reserved ?? previous?.reserved ?? 0;
    const snapshot: InventorySnapshot = {
      sku: change.sku,
      location,
      onHand: change.onHand,
      reserved,
      available: change.onHand - reserved,
      unit: change.unit ?? previous?.unit ?? 'unit',
      inTransit: change.inTransit ?? previous?.inTransit ?? 0,
      ...((change.binCode ?? previous?.binCode)
        ? { binCode: change.binCode ?? previous?.binCode }
        : {}),
      version: (previous?.version ?? 0) + 1,
      recordedAt: new Date().toISOString(),
    };
    inventory.set(`${change.sku}@${location}`, snapshot);
    return snapshot;
  };
  const sendInventory: WmsHarness['sendInventory'] = (snapshots, sendOptions = {}) => {
    if (sendOptions.batch)
      post(paths.inventory, { snapshots }, `inventory batch of ${snapshots.length}`);
    else
      for (const snapshot of snapshots)
        post(
          paths.inventory,
          snapshot,
          `inventory ${snapshot.sku}@${snapshot.location} v${snapshot.version}`,
        );
  };

  const harness: WmsHarness = {
    setTarget: (url, authorization) => {
      target = url;
      outbox.setAuthorization(authorization);
    },
    setStock: (change, stockOptions = {}) => {
      const snapshot = nextSnapshot(change);
      if (stockOptions.send !== false) sendInventory([snapshot]);
      return snapshot;
    },
    sendInventory,
    receiveGoods: (purchaseOrderId, receiveOptions = {}) => {
      const expected = receipts.get(purchaseOrderId);
      const location = receiveOptions.location ?? expected?.destination ?? defaultLocation;
      const lines =
        receiveOptions.lines ??
        expected?.lines.map(({ lineId, sku, quantity, unit }) => ({
          sku,
          quantity,
          purchaseOrderLineId: lineId,
          ...(unit === undefined ? {} : { unit }),
        }));
      if (lines === undefined)
        throw new Error(`no expected receipt for ${purchaseOrderId} and no lines given`);
      receiptCount += 1;
      const receipt: GoodsReceipt = {
        receiptId: `GR-${String(receiptCount).padStart(5, '0')}`,
        purchaseOrderId,
        warehouse,
        // The adapter takes positive whole quantities only.
        lines: lines
          .filter((line) => line.quantity >= 1)
          .map((line) => ({
            ...line,
            quantity: Math.floor(line.quantity),
            unit: line.unit ?? 'unit',
            location,
          })),
        receivedAt: new Date().toISOString(),
        version: 1,
      };
      post(
        paths.goodsReceipts,
        receipt,
        `goods receipt ${receipt.receiptId} for ${purchaseOrderId}`,
      );
      const snapshots = receipt.lines.map((line) => {
        const current = inventory.get(`${line.sku}@${location}`)?.onHand ?? 0;
        return nextSnapshot({
          sku: line.sku,
          location,
          onHand: current + line.quantity,
          unit: line.unit,
        });
      });
      sendInventory(snapshots);
      return { receipt, snapshots };
    },
    updateShipment: (change) => {
      const message: ShipmentStatusUpdate = {
        ...change,
        statusAt: change.statusAt ?? new Date().toISOString(),
      };
      post(paths.shipmentStatus, message, `shipment ${change.shipmentId} ${change.status}`);
      return message;
    },
    burstInventory: async ({
      count,
      skus = ['SKU-1', 'SKU-2', 'SKU-3'],
      locations = [defaultLocation],
      concurrency = 16,
    }) => {
      const messages = Array.from({ length: count }, (_, index) => {
        const sku = skus[index % skus.length] ?? 'SKU-1';
        const location =
          locations[Math.floor(index / skus.length) % locations.length] ?? defaultLocation;
        const snapshot = nextSnapshot({ sku, location, onHand: 100 + index });
        return {
          url: urlOf(paths.inventory),
          rawBody: JSON.stringify(snapshot),
          label: `burst ${sku}@${location} v${snapshot.version}`,
        };
      });
      await outbox.burst(messages, concurrency);
      return [...inventory.values()];
    },
    stock: () => [...inventory.values()],
    expectedReceipts: () => receipts.list(),
    expectedReceipt: (id) => receipts.get(id),
    expectedReceiptWrites: () => receipts.history(),
    setDeliveryFaults: (faults) => {
      outbox.setFaults(faults);
    },
    deliveryFaults: () => outbox.faults,
    deliveries: () => outbox.deliveries(),
    deliveriesIdle: () => outbox.idle(),
  };

  const server = await SimulatorServer.start({
    name: 'wms',
    label: (request) => {
      const match = RECEIPT_PATH.exec(request.path);
      return match
        ? {
            api: 'expected-receipts',
            model: decodeURIComponent(match[1] ?? ''),
            method: request.httpMethod,
          }
        : {
            api: request.path.startsWith('/api/expected-receipts') ? 'expected-receipts' : 'web',
            method: request.httpMethod,
          };
    },
    handle: (request) => handleWmsRequest(request, receipts),
    admin: wmsAdminRoutes(harness),
    ...(options.random ? { random: options.random } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  if (options.fault) await server.setFault(options.fault);

  return {
    ...harness,
    get url() {
      return server.url;
    },
    get adminUrl() {
      return server.adminUrl;
    },
    get port() {
      return server.port;
    },
    get fault() {
      return server.fault;
    },
    setFault: (fault) => server.setFault(fault),
    requests: (filter) => server.requests(filter),
    maxRequestsPerSecond: (filter) => server.maxRequestsPerSecond(filter),
    clearRequests: () => {
      server.clearRequests();
    },
    stop: async () => {
      outbox.close();
      await server.stop();
    },
  };
}

const STATUS_OF = {
  created: 201,
  updated: 200,
  unchanged: 200,
  stale: 200,
  conflict: 409,
} as const;

function handleWmsRequest(request: SimRequest, receipts: ExpectedReceiptStore): SimResponse {
  if (request.path === '/api/expected-receipts' && request.httpMethod === 'GET') {
    return { status: 200, json: receipts.list() };
  }
  const match = RECEIPT_PATH.exec(request.path);
  if (!match) return { status: 404, json: { error: 'not_found' } };
  const purchaseOrderId = decodeURIComponent(match[1] ?? '');
  if (request.httpMethod === 'GET') {
    const stored = receipts.get(purchaseOrderId);
    return stored
      ? { status: 200, json: stored }
      : { status: 404, json: { error: 'not_found', purchaseOrderId } };
  }
  if (request.httpMethod !== 'PUT') return { status: 405, json: { error: 'method_not_allowed' } };
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody) as unknown;
  } catch {
    return {
      status: 400,
      json: { error: 'invalid_expected_receipt', problems: ['(body): must be JSON'] },
    };
  }
  const result = receipts.put(purchaseOrderId, body, new Date());
  if (result.outcome === 'invalid') {
    return { status: 400, json: { error: 'invalid_expected_receipt', problems: result.problems } };
  }
  const headers = { 'x-wms-outcome': result.outcome };
  if (result.outcome === 'conflict') {
    return {
      status: 409,
      headers,
      json: {
        error: 'version_conflict',
        message: 'same version, different content',
        stored: result.stored,
      },
    };
  }
  return { status: STATUS_OF[result.outcome], headers, json: result.stored };
}
