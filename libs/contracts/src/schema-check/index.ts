export { EnvelopeFields, checkEnvelopeFields } from './envelope-fields';
export { DirectionsOf } from './compatibility-levels';
export type { ReadDirection } from './compatibility-levels';
export {
  RegistryUnreachableError,
  SchemaCheckError,
  UnexpectedRegistryAnswerError,
} from './errors';
export { ExitCodes } from './exit-codes';
export type { ExitCode } from './exit-codes';
export { explainEvolution, explainHistory } from './explain-evolution';
export type { EvolutionProblem, VersionedType } from './explain-evolution';
export { findReadProblems } from './read-problems';
export type { ReadProblem } from './read-problems';
export { loadTopicSchemas } from './load-topic-schemas';
export type { SchemaVersion, TopicSchemas } from './load-topic-schemas';
export { schemaRegistry } from './registry-client';
export type {
  CompatibilityVerdict,
  Registration,
  SchemaRegistry,
  SchemaRegistryOptions,
} from './registry-client';
export { runSchemaCheck } from './run-schema-check';
export type { SchemaCheckOptions } from './run-schema-check';
export { exitCodeOf, formatReport } from './topic-report';
export type { SchemaCheckReport, TopicReport } from './topic-report';
