import { parseJson, type SimRequest, type SimResponse } from '../http/simulator-server';
import { serializeOdooError } from './odoo-errors';
import type { OdooHarness } from './odoo-harness';
import type { WebhookRule } from './webhook-rules';

const RECORDS = /^\/__sim\/records\/([^/]+)(?:\/(\d+))?$/;
const CALL = /^\/__sim\/call\/([^/]+)\/([^/]+)$/;

/**
 * Odoo's `/__sim/...` control routes, for the demo and for tests in other processes: act as an
 * Odoo user (create, edit, click buttons), control the clock, configure webhooks and their faults.
 */
export function odooAdminRoutes(
  odoo: OdooHarness,
): (request: SimRequest) => SimResponse | undefined {
  return (request) => {
    try {
      return route(odoo, request);
    } catch (error: unknown) {
      return { status: 400, json: serializeOdooError(error) };
    }
  };
}

function route(odoo: OdooHarness, request: SimRequest): SimResponse | undefined {
  const body = (): Record<string, unknown> => {
    const json = parseJson(request.rawBody || '{}');
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new Error('body must be a JSON object');
    return json as Record<string, unknown>;
  };
  const key = `${request.httpMethod} ${request.path}`;
  switch (key) {
    case 'GET /__sim/webhook-faults':
      return { status: 200, json: odoo.webhookFaults() };
    case 'GET /__sim/webhook-deliveries':
      return { status: 200, json: odoo.webhookDeliveries() };
    case 'POST /__sim/webhook-faults':
      odoo.setWebhookFaults(body());
      return { status: 200, json: body() };
    case 'POST /__sim/webhooks':
      return { status: 201, json: { actionId: odoo.addWebhook(body() as unknown as WebhookRule) } };
    case 'POST /__sim/clock':
      return { status: 200, json: moveClock(odoo, body()) };
    default:
      break;
  }
  const records = RECORDS.exec(request.path);
  if (records) {
    const model = decodeURIComponent(records[1] ?? '');
    const id = records[2] === undefined ? undefined : Number(records[2]);
    if (request.httpMethod === 'GET') {
      const fields = request.query.get('fields')?.split(',');
      return {
        status: 200,
        json:
          id === undefined ? odoo.searchRead(model, [], fields) : odoo.read(model, [id], fields),
      };
    }
    if (request.httpMethod === 'POST' && id === undefined)
      return { status: 201, json: { id: odoo.create(model, body()) } };
    if (request.httpMethod === 'PATCH' && id !== undefined) {
      odoo.write(model, [id], body());
      return { status: 200, json: odoo.read(model, [id]) };
    }
  }
  const call = CALL.exec(request.path);
  if (call && request.httpMethod === 'POST') {
    const { ids, context } = body();
    const list = Array.isArray(ids) ? (ids as number[]) : [];
    const callContext =
      typeof context === 'object' && context !== null && !Array.isArray(context)
        ? (context as Record<string, unknown>)
        : {};
    return {
      status: 200,
      json: {
        result:
          odoo.call(
            decodeURIComponent(call[1] ?? ''),
            decodeURIComponent(call[2] ?? ''),
            list,
            callContext,
          ) ?? null,
      },
    };
  }
  return undefined;
}

function moveClock(odoo: OdooHarness, body: Record<string, unknown>): Record<string, unknown> {
  const { freezeAt, advanceMs, resume } = body;
  if (typeof freezeAt === 'string' || typeof freezeAt === 'number')
    odoo.clock.freeze(new Date(freezeAt));
  else if (freezeAt === true) odoo.clock.freeze();
  if (typeof advanceMs === 'number') odoo.clock.advance(advanceMs);
  if (resume === true) odoo.clock.resume();
  return { now: new Date(odoo.clock.now()).toISOString(), frozen: odoo.clock.isFrozen };
}
