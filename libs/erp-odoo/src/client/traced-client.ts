import { inClientSpan } from '@ferry/observability';
import type { OdooClient } from './odoo-client';

/**
 * The same client, each call in a CLIENT span `<model>/<method>` (RPC conventions: service and
 * method) with the server it went to; the HTTP request below it is the fetch instrumentation's.
 * A span tells which record method a slow or failing sink write was, which the URL of a JSON-RPC
 * call does not.
 */
export function tracedOdooClient(
  client: OdooClient,
  server: { readonly url: string; readonly protocol: string },
): OdooClient {
  const { hostname, port, protocol } = new URL(server.url);
  const serverPort = Number(port) || (protocol === 'https:' ? 443 : 80);
  return {
    call: (call) =>
      inClientSpan(
        `${call.model}/${call.method}`,
        {
          'rpc.system': `odoo_${server.protocol}`,
          'rpc.service': call.model,
          'rpc.method': call.method,
          'server.address': hostname,
          'server.port': serverPort,
        },
        () => client.call(call),
      ),
  };
}
