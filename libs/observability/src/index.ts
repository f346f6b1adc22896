export { jsonLogger, silentLogger } from './logger';
export type { LogFields, Logger } from './logger';
export { counter, gauge, histogram, metricsRegistry, renderMetrics } from './metrics';
export { childTraceparent, isValidTraceparent, newTraceparent } from './trace-context';
export { mentionsSocketError, SOCKET_ERROR_CODES } from './socket-errors';
export { declaredFailureKind, failureKindOfHttpStatus } from './failure-kind';
export { DOWNSTREAM_CALL_BUCKETS, measureDownstreamCall } from './downstream-calls';
export type { DownstreamCall, DownstreamSystem } from './downstream-calls';
export type { ClassifiedFailure, FailureKind } from './failure-kind';
