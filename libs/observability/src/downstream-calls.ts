import { classifyFailure } from '@ferry/failures';
import { counter, histogram } from './metrics';

/** The external systems Ferry calls (not its own infrastructure: Kafka, registry, Postgres). */
export type DownstreamSystem = 'erp' | 'wms';

/**
 * 5 ms … 60 s: a healthy ERP or WMS answers in tens to hundreds of milliseconds; the top buckets
 * hold calls that ran into their timeout (Odoo 10 s by default, up to 300 s; the WMS 5 s).
 */
export const DOWNSTREAM_CALL_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
];

const callDuration = histogram(
  'ferry_downstream_call_duration_seconds',
  'Duration of one call into an external system (ERP, WMS), by operation and outcome (ok, error)',
  ['system', 'operation', 'outcome'],
  DOWNSTREAM_CALL_BUCKETS,
);

const callFailures = counter(
  'ferry_downstream_call_failures_total',
  'Calls into an external system that failed, by operation and failure kind',
  ['system', 'operation', 'kind'],
);

export interface DownstreamCall {
  readonly system: DownstreamSystem;
  /** From a fixed set the caller owns (`sale.order.create`, `expected-receipt.put`), never an id. */
  readonly operation: string;
}

/**
 * Runs one call into an external system and records its duration with its outcome, and a failure
 * with its kind as every Ferry library classifies it; the call's result or error passes through
 * unchanged.
 */
export async function measureDownstreamCall<T>(
  call: DownstreamCall,
  work: () => Promise<T>,
): Promise<T> {
  const { system, operation } = call;
  const started = performance.now();
  const observe = (outcome: 'ok' | 'error'): void => {
    callDuration.observe({ system, operation, outcome }, (performance.now() - started) / 1000);
  };
  try {
    const result = await work();
    observe('ok');
    return result;
  } catch (error: unknown) {
    observe('error');
    callFailures.inc({ system, operation, kind: classifyFailure(error) });
    throw error;
  }
}
