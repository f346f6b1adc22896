import { SimClock } from '../clock';
import type { ServerFault } from '../http/faults';
import type { DeliveryFaults } from '../http/outbox';
import type { RecordedRequest, RequestFilter } from '../http/request-log';
import type { SigningOptions } from '../http/signing';
import { SimulatorServer } from '../http/simulator-server';
import type { ModelSpec } from './model-spec';
import { callModelMethod, WRITE_METHODS } from './model-methods';
import { standardModels } from './odoo-models';
import { odooAdminRoutes } from './odoo-admin';
import { OdooOrm } from './orm';
import { handleOdooRequest, labelOdooRequest, type OdooCredentials } from './rpc-endpoints';
import { WebhookSender, type WebhookRule } from './webhook-rules';
import { seedBaseData, seedWarehouse } from './seed-data';
import type { OdooHarness } from './odoo-harness';

export interface OdooSimulatorOptions {
  readonly database?: string;
  readonly login?: string;
  readonly password?: string;
  readonly uid?: number;
  /** Accepted as `Authorization: bearer <apiKey>` (JSON-2) and in place of the password (RPC). */
  readonly apiKey?: string;
  /** Reported by /web/version; JSON-2 is served from '19.0' on, as in Odoo. Default '19.0'. */
  readonly serverVersion?: string;
  /** Share or control time (write_date); a fresh real-time clock by default. */
  readonly clock?: SimClock;
  readonly webhooks?: readonly WebhookRule[];
  /** Signs webhook deliveries as a proxy in front of Ferry would; unsigned when absent. */
  readonly signing?: SigningOptions;
  readonly webhookFaults?: DeliveryFaults;
  /** Odoo's webhook action waits 1 s. */
  readonly webhookTimeoutMs?: number;
  readonly fault?: ServerFault;
  /** Seeded randomness for probabilistic faults. */
  readonly random?: () => number;
  readonly port?: number;
  /** Extra or replacement models; the standard ones are always there. */
  readonly models?: readonly ModelSpec[];
  /** Creates the warehouse WH with its locations (WH/Stock, Vendors, …) and operation types. Default true. */
  readonly seedWarehouse?: boolean;
  /** ISO code of the company's currency, the default of orders and invoices. Default 'EUR'. */
  readonly companyCurrency?: string;
}

export interface OdooSimulator extends OdooHarness {
  readonly url: string;
  /** `/__sim/...` routes on a port that stays up while the simulator is `down`. */
  readonly adminUrl: string;
  readonly port: number;
  setFault(fault: ServerFault): Promise<void>;
  readonly fault: ServerFault;
  requests(filter?: RequestFilter): RecordedRequest[];
  /** Requests that called create/write/unlink or a business method, optionally for one model. */
  writeRequests(model?: string): RecordedRequest[];
  maxRequestsPerSecond(filter?: RequestFilter): number;
  clearRequests(): void;
  stop(): Promise<void>;
}

const DEFAULTS = {
  database: 'ferry',
  login: 'admin',
  password: 'admin',
  uid: 2,
  apiKey: 'ferry-odoo-api-key',
  serverVersion: '19.0',
  companyCurrency: 'EUR',
};

export async function startOdooSimulator(
  options: OdooSimulatorOptions = {},
): Promise<OdooSimulator> {
  const clock = options.clock ?? new SimClock();
  const credentials: OdooCredentials = {
    database: options.database ?? DEFAULTS.database,
    login: options.login ?? DEFAULTS.login,
    password: options.password ?? DEFAULTS.password,
    uid: options.uid ?? DEFAULTS.uid,
    apiKey: options.apiKey ?? DEFAULTS.apiKey,
    serverVersion: options.serverVersion ?? DEFAULTS.serverVersion,
  };
  const extra = new Map((options.models ?? []).map((model) => [model.name, model]));
  const standard = standardModels(Number.parseInt(credentials.serverVersion, 10));
  const models = [...standard.filter((model) => !extra.has(model.name)), ...extra.values()];
  const orm = new OdooOrm(models, clock);
  const webhooks = new WebhookSender(orm, {
    ...(options.signing ? { signing: options.signing } : {}),
    ...(options.webhookTimeoutMs !== undefined ? { timeoutMs: options.webhookTimeoutMs } : {}),
    ...(options.webhookFaults ? { faults: options.webhookFaults } : {}),
    ...(options.random ? { random: options.random } : {}),
  });
  for (const rule of options.webhooks ?? []) webhooks.addRule(rule);
  const currencies = webhooks.silently(() =>
    seedBaseData(orm, options.companyCurrency ?? DEFAULTS.companyCurrency),
  );
  const { locations, warehouse } =
    options.seedWarehouse === false ? NO_WAREHOUSE : webhooks.silently(() => seedWarehouse(orm));

  const harness: OdooHarness = {
    credentials,
    clock,
    locations,
    warehouse,
    currencies,
    seed: (model, records) =>
      webhooks.silently(() =>
        orm.atomic(() =>
          (Array.isArray(records) ? records : [records]).map((vals) => orm.create(model, vals)),
        ),
      ),
    create: (model, vals) => orm.create(model, vals),
    write: (model, ids, vals) => {
      orm.write(model, ids, vals);
    },
    unlink: (model, ids) => {
      orm.unlink(model, ids);
    },
    call: (model, method, ids, context = {}) =>
      callModelMethod(orm, clock, { model, method, ids, context }),
    read: (model, ids, fields) => orm.read(model, ids, fields),
    searchRead: (model, domain = [], fields, searchOptions = {}) =>
      orm.read(model, orm.search(model, domain, searchOptions), fields),
    revisionOf: (model, id) => orm.get(model, id)?.revision,
    addWebhook: (rule) => webhooks.addRule(rule),
    setWebhookFaults: (faults) => {
      webhooks.outbox.setFaults(faults);
    },
    webhookFaults: () => webhooks.outbox.faults,
    webhookDeliveries: () => webhooks.outbox.deliveries(),
    webhooksIdle: () => webhooks.outbox.idle(),
  };
  const server = await SimulatorServer.start({
    name: 'odoo',
    label: labelOdooRequest,
    handle: (request) => handleOdooRequest(request, { orm, clock, credentials }),
    admin: odooAdminRoutes(harness),
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
    writeRequests: (model) =>
      server
        .requests(model === undefined ? {} : { model })
        .filter((r) => r.method !== undefined && WRITE_METHODS.has(r.method)),
    maxRequestsPerSecond: (filter) => server.maxRequestsPerSecond(filter),
    clearRequests: () => {
      server.clearRequests();
    },
    stop: async () => {
      webhooks.close();
      await server.stop();
    },
  };
}

const NO_WAREHOUSE = {
  locations: { stock: 0, vendors: 0, customers: 0, inventory: 0 },
  warehouse: { id: 0, code: '', receiptType: 0, deliveryType: 0 },
};
