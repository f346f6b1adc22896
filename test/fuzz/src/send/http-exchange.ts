import { Agent, request } from 'node:http';
import { readAnswer, type Answer } from './answer';

/** Only this machine is ever a target: the fuzz refuses any other host before connecting. */
export function isLoopback(url: URL): boolean {
  return (
    url.protocol === 'http:' &&
    (url.hostname === 'localhost' ||
      url.hostname === '[::1]' ||
      /^127(\.\d{1,3}){3}$/.test(url.hostname))
  );
}

export interface Exchange {
  readonly url: URL;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * POSTs with Node's own HTTP client (header values and body bytes go out as given; fetch would
 * refuse some of them) and reads the answer; a request gets `timeoutMs` in all.
 */
export function exchange(agent: Agent, sent: Exchange, timeoutMs: number): Promise<Answer> {
  if (!isLoopback(sent.url)) throw new RangeError(`refusing to send to ${sent.url.host}`);
  const started = Date.now();
  return new Promise((resolve) => {
    const req = request(
      sent.url,
      {
        method: 'POST',
        agent,
        headers: { ...sent.headers, 'Content-Length': String(sent.body.length) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve(
            readAnswer(
              res.statusCode ?? 0,
              Buffer.concat(chunks).toString('utf8'),
              res.headers['idempotent-replayed'] === 'true',
              Date.now() - started,
            ),
          );
        });
        res.on('error', (error) => {
          resolve(noAnswer(error, started));
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (error) => {
      resolve(noAnswer(error, started));
    });
    req.end(sent.body);
  });
}

function noAnswer(error: Error, started: number): Answer {
  return {
    status: null,
    events: [],
    replayed: false,
    transportError: error.message,
    ms: Date.now() - started,
  };
}
