export { freePort } from './free-port';
export { uniqueName } from './names';
export {
  LOCAL_AUDIENCE,
  LOCAL_CALLER,
  LOCAL_ISSUER,
  localAuthorization,
  localIngressIssuer,
  startIngressIssuer,
} from './ingress-issuer';
export type { IngressIssuer, TokenRequest } from './ingress-issuer';
export { migrateService, startService } from './service-process';
export type { RunningService, StartOptions } from './service-process';
export { testEnvironment } from './test-environment';
export type { TestEnvironment } from './test-environment';
export { waitFor } from './wait-for';
export type { WaitOptions } from './wait-for';
export { isolatedDatabase } from './isolated-database';
export type { IsolatedDatabase } from './isolated-database';
export { inventoryLevelSet } from './inventory-fixtures';
export { startTcpRelay } from './tcp-relay';
export type { TcpRelay } from './tcp-relay';
export { readMetrics, sampleValue } from './metrics-text';
export { rejectionOf } from './rejection';
export { temporaryRoles } from './temporary-roles';
export type { TemporaryRole, TemporaryRoles } from './temporary-roles';
