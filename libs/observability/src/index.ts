export { jsonLogger, silentLogger } from './logger';
export type { LogFields, Logger } from './logger';
export { counter, gauge, histogram, metricsRegistry, renderMetrics } from './metrics';
export { isValidTraceparent, spanContextOf, traceparentOf } from './trace-context';
export { currentLogFields, withLogFields, withoutLogFields } from './log-context';
export {
  detachedFromWork,
  inProcessSpan,
  inSendSpan,
  MAX_PROCESS_LINKS,
} from './tracing/messaging-spans';
export type { ProcessSpan, SendSpan } from './tracing/messaging-spans';
export { inClientSpan } from './tracing/client-spans';
export { MessagingAttributes } from './tracing/messaging-attributes';
export { shutdownTracing, TRACING_SHUTDOWN_TIMEOUT_MS } from './tracing/tracing-shutdown';
export { DOWNSTREAM_CALL_BUCKETS, measureDownstreamCall } from './downstream-calls';
export type { DownstreamCall, DownstreamSystem } from './downstream-calls';
