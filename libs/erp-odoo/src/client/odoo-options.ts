import { integer, oneOf, option, readConfig, text, url, type ConfigOf } from '@ferry/config';
import type { FetchFunction } from './http-transport';
import { Json2Client } from './json2-client';
import { JsonRpcClient } from './json-rpc-client';
import type { OdooClient } from './odoo-client';

/** How Ferry reaches Odoo. The app spreads these into its options and reads them once. */
export const odooConnectionOptions = {
  odooUrl: option('ODOO_URL', url, 'http://127.0.0.1:8069', 'Base URL of the Odoo server'),
  odooProtocol: option(
    'ODOO_PROTOCOL',
    oneOf('json2', 'jsonrpc'),
    'json2',
    'json2 for Odoo 19+ (API key), jsonrpc for Odoo 16–18 (login + password or API key)',
  ),
  odooDatabase: option(
    'ODOO_DATABASE',
    text,
    '',
    'Database name; required for jsonrpc, for json2 only where one server hosts several',
  ),
  odooLogin: option('ODOO_LOGIN', text, '', 'Login of the integration user (jsonrpc only)'),
  odooApiKey: option(
    'ODOO_API_KEY',
    text,
    undefined,
    'API key of the integration user (json2 bearer; the password for jsonrpc)',
    { secret: true },
  ),
  odooTimeoutMs: option(
    'ODOO_TIMEOUT_MS',
    integer({ min: 100, max: 300_000 }),
    10_000,
    'Timeout of one Odoo request, connection to last byte',
  ),
  odooRequestsPerSecond: option(
    'ODOO_REQUESTS_PER_SECOND',
    integer({ min: 1, max: 1000 }),
    5,
    'Most requests per second Ferry sends to Odoo (token bucket, shared by reads and writes)',
  ),
};

export type OdooConnectionConfig = ConfigOf<typeof odooConnectionOptions>;

export function readOdooConnectionConfig(
  env: NodeJS.ProcessEnv = process.env,
): OdooConnectionConfig {
  return readConfig(odooConnectionOptions, env);
}

/** Problems that make a connection config unusable for its protocol. */
export function odooConnectionProblems(config: OdooConnectionConfig): string[] {
  if (config.odooProtocol === 'json2') return [];
  const problems: string[] = [];
  if (config.odooDatabase === '') problems.push('ODOO_DATABASE is required with jsonrpc');
  if (config.odooLogin === '') problems.push('ODOO_LOGIN is required with jsonrpc');
  return problems;
}

/** The client the configuration selects. Throws RangeError when the configuration cannot work. */
export function createOdooClient(
  config: OdooConnectionConfig,
  fetchFunction: FetchFunction = fetch,
): OdooClient {
  const problems = odooConnectionProblems(config);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  if (config.odooProtocol === 'json2')
    return new Json2Client(
      {
        url: config.odooUrl,
        database: config.odooDatabase === '' ? undefined : config.odooDatabase,
        apiKey: config.odooApiKey,
        timeoutMs: config.odooTimeoutMs,
        userAgent: 'ferry-erp-odoo',
      },
      fetchFunction,
    );
  return new JsonRpcClient(
    {
      url: config.odooUrl,
      database: config.odooDatabase,
      login: config.odooLogin,
      password: config.odooApiKey,
      timeoutMs: config.odooTimeoutMs,
    },
    fetchFunction,
  );
}
