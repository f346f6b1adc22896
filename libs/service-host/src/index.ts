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
export { runMain } from './run-main';
export { runServiceMain } from './service-main';
export type { ServiceMain } from './service-main';
export { migrateService } from './migrate/migrate-service';
export { migrateOptions } from './migrate/migrate-options';
export { migrateCommand, requireMigrations, SchemaNotReadyError } from './migrate/migrations-check';
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
export { hostConsumer } from './consumers/consumer-declaration';
export type {
  ConsumerBinding,
  ConsumerDeclaration,
  HostedConsumer,
} from './consumers/consumer-declaration';
export type { HostConfig } from './consumers/consumer-host';
export { consumerBindingOptions, consumerOptions } from './consumers/consumer-options';
export type { ConsumerConfig, ConsumerDefaults } from './consumers/consumer-options';
export {
  consumerMigrations,
  consumerServiceOptions,
  runConsumerService,
} from './consumers/consumer-service';
export type { ConsumerServiceOptions, ConsumerServiceSpec } from './consumers/consumer-service';
export { ConsumersModule } from './consumers/consumers.module';
export type { ConsumersAsyncOptions } from './consumers/consumers.module';
export { DATABASE, DatabaseModule } from './database/database.module';
export type { DatabaseModuleOptions } from './database/database.module';
export { ServiceStorage } from './database/service-storage';
export { KafkaModule } from './kafka/kafka.module';
export { LOGGER } from './logging/logger';
export { serviceOptions } from './service-options';
