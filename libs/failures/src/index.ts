export { classifyFailure, mentionsSocketError, SOCKET_ERROR_CODES } from './classify';
export { FerryError } from './ferry-error';
export { failureKindOfHttpStatus, isRetriableKind } from './failure-kind';
export type { FailureKind } from './failure-kind';
