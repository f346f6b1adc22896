export { classifyFailure } from './classify';
export { FerryError } from './ferry-error';
export { FailureKinds, failureKindOfHttpStatus, isRetriableKind } from './failure-kind';
export type { FailureKind } from './failure-kind';
export { mentionsSocketError, SOCKET_ERROR_CODES } from './socket-errors';
