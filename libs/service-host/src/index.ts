export { bodyParserRefusal } from './body-parsers';
export { refuseUnlessValidEvents } from './contract-check';
export type { EventRefusal } from './contract-check';
export { ErrorResponses } from './error-responses';
export { failureAnswer, RETRY_AFTER_SECONDS } from './failure-answers';
export type { ErrorBody, FailureAnswer } from './failure-answers';
export { runService } from './run-service';
export type { ServiceOptions } from './run-service';
export { ServiceHealth } from './service-health';
export type { HealthReport } from './service-health';
export { ServiceHostModule } from './service-host.module';
export {
  httpServerOptions,
  listenOn,
  runsIntake,
  runsSink,
  serviceRoleOptions,
  tracingOptions,
  ServiceRoles,
  type ServiceRole,
} from './host-options';
export { ingressAuthOptions, ingressAuthPolicy } from './ingress/auth-options';
export type { IngressAuthConfig, IngressAuthPolicy } from './ingress/auth-options';
export { Caller, callerOf } from './ingress/caller';
export { ANONYMOUS_CALLER } from './ingress/ingress-guard';
export type { IngressRoute } from './ingress/ingress-guard';
export { kafkaRuntimeProvider } from './kafka-runtime.provider';
export { runMain } from './run-main';
export { runServiceMain } from './service-main';
export type { ServiceMain } from './service-main';
export { migrateService } from './migrate/migrate-service';
export { migrateOptions } from './migrate/migrate-options';
export { migrateCommand, requireMigrations, SchemaNotReadyError } from './migrate/migrations-check';
export { projectionMigrations, projectionProvider } from './projection-host';
export type { ProjectionConfig, ProjectionDeclaration } from './projection-host';
export { projectionOptions } from './projection-options';
export {
  CatalogPublisher,
  catalogPublisherProvider,
  definePublications,
} from './catalog-publisher';
export type { CatalogPublisherOptions, Publications } from './catalog-publisher';
export {
  invalidRequest,
  parseRequestBody,
  requestText,
  validationProblems,
} from './request-validation';
export type { RequestRefusal } from './request-validation';
export { classifyStateOutcomes, newestPerKey } from './state-batch';
export type { KeyResult, StateOutcome } from './state-batch';
export { ServiceStorage } from './service-storage';
export type { ServiceStorageOptions } from './service-storage';
