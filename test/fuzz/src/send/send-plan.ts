import { Agent } from 'node:http';
import { followUpAnswer } from '../cases/documented-answers';
import {
  EndpointRoutes,
  type DocumentedAnswer,
  type FuzzCase,
  type FuzzRequest,
  type Service,
} from '../cases/fuzz-case';
import { requestsOf } from '../cases/requests';
import type { Answer } from './answer';
import { exchange } from './http-exchange';
import { bodySample, renderBody } from './render-body';
import { webhookSigningHeaders } from './webhook-signing';

/** One request as sent and answered: everything the checks and the report read. */
export interface RequestRecord {
  readonly caseIndex: number;
  readonly step: FuzzRequest['step'];
  readonly endpoint: FuzzRequest['endpoint'];
  readonly generator: FuzzRequest['generator'];
  readonly target: string;
  readonly expected?: DocumentedAnswer;
  readonly sample: string;
  readonly answer: Answer;
}

export interface FuzzTargets {
  /** Base URLs (loopback) of the services. */
  readonly urls: Readonly<Record<Service, string>>;
  readonly webhookSecret: string;
  /** `Bearer <token>` with every ingress scope, for the WMS adapter and the order API. */
  readonly authorization: string;
}

export interface SendOptions {
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly onProgress?: (sent: number) => void;
}

async function sendCase(
  agent: Agent,
  fuzzCase: FuzzCase,
  targets: FuzzTargets,
  timeoutMs: number,
): Promise<RequestRecord[]> {
  const records: RequestRecord[] = [];
  for (const request of requestsOf(fuzzCase)) {
    const body = renderBody(request.body);
    const route = EndpointRoutes[request.endpoint];
    const headers: Record<string, string> = {
      // The ERP adapter's webhook is signed instead; every other route wants the caller's token.
      ...(route.service === 'erpAdapter' ? {} : { Authorization: targets.authorization }),
      ...request.headers,
      ...(request.contentType === null ? {} : { 'Content-Type': request.contentType }),
      ...(request.signing
        ? webhookSigningHeaders(request.signing, targets.webhookSecret, body, Date.now())
        : {}),
    };
    const answer = await exchange(
      agent,
      { url: new URL(route.path, targets.urls[route.service]), body, headers },
      timeoutMs,
    );
    const first = records[0]?.answer;
    const expected =
      request.step === 'first' || first === undefined
        ? request.expected
        : followUpAnswer(request.step, first);
    records.push({
      caseIndex: request.caseIndex,
      step: request.step,
      endpoint: request.endpoint,
      generator: request.generator,
      target: request.target,
      ...(expected ? { expected } : {}),
      sample: bodySample(request.body),
      answer,
    });
  }
  return records;
}

/**
 * Sends every case, `concurrency` at a time; the requests of one case go one after the other,
 * each after the previous answer (an order's retry follows its first request).
 */
export async function sendPlan(
  cases: readonly FuzzCase[],
  targets: FuzzTargets,
  options: SendOptions,
): Promise<RequestRecord[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const results: RequestRecord[][] = [];
  let next = 0;
  let sent = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < cases.length; index = next++) {
      const fuzzCase = cases[index];
      if (fuzzCase === undefined) continue;
      const records = await sendCase(agent, fuzzCase, targets, options.timeoutMs);
      results[index] = records;
      sent += records.length;
      options.onProgress?.(sent);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return results.flat();
}
