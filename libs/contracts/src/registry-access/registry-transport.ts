import { request as httpRequest } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { readSecret } from '@ferry/config';
import { registryAuthorization } from './authorization';
import type { RegistryAccess, RegistryTls } from './registry-access';

export interface RegistryAnswer {
  readonly status: number;
  readonly text: string;
}

export interface RegistryRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
}

/** How Ferry reaches one registry: its TLS agent and the Authorization header of the moment. */
export interface RegistryTransport {
  /** Undefined for plain http (Node's global agent). */
  readonly agent: Agent | undefined;
  authorization(): Promise<string | undefined>;
  /** One request; rejects with the socket's or TLS's own words, never with a header. */
  send(request: RegistryRequest): Promise<RegistryAnswer>;
}

/**
 * An agent that trusts `tls.ca` (else the system's CAs), presents the client certificate when one
 * is given and checks the server's certificate and name on every connection, whatever
 * NODE_TLS_REJECT_UNAUTHORIZED says.
 */
export function registryAgent(tls: RegistryTls): Agent {
  return new Agent({
    keepAlive: true,
    rejectUnauthorized: true,
    ...(tls.ca && { ca: readSecret(tls.ca) }),
    ...(tls.cert && { cert: readSecret(tls.cert) }),
    ...(tls.key && { key: readSecret(tls.key) }),
  });
}

export function registryTransport(url: string, access: RegistryAccess): RegistryTransport {
  const agent = new URL(url).protocol === 'https:' ? registryAgent(access.tls) : undefined;
  const authorization = registryAuthorization(access.credentials);
  return {
    agent,
    authorization,
    async send({ method, url: target, headers, body, timeoutMs }) {
      const signedBy = await authorization();
      const sent = { ...headers, ...(signedBy === undefined ? {} : { Authorization: signedBy }) };
      return exchange(target, { method, headers: sent, agent }, body, timeoutMs);
    },
  };
}

function exchange(
  url: string,
  options: { method: string; headers: Record<string, string>; agent: Agent | undefined },
  body: string | undefined,
  timeoutMs: number,
): Promise<RegistryAnswer> {
  const send = new URL(url).protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // A bound on the whole exchange, as a frozen registry may accept and then say nothing.
    const timer = setTimeout(() => {
      outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const fail = (error: Error): void => {
      clearTimeout(timer);
      reject(error);
    };
    const outgoing = send(url, options, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', fail);
    });
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}
