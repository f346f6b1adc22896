import { exampleValue } from '../fields';
import type { ConsumerPlan } from './consumer-plan';

/*
 * The parts every generated consumer test has, as code: its test event, its publisher (as the
 * owner), the Kafka runtime it publishes with, and the service's start against the real services.
 */

/** The key field's value from an entity id (text), as code. */
export function keyValue(plan: ConsumerPlan): string {
  return ['string', 'uuid'].includes(plan.keyField.type.kind) ? 'entityId' : 'Number(entityId)';
}

/** The entity id of the test's n-th entity, a valid value of its key field, as code. */
export function testKey(plan: ConsumerPlan, n: number): string {
  const { kind } = plan.keyField.type;
  if (kind === 'uuid') return `'00000000-0000-4000-8000-${String(n).padStart(12, '0')}'`;
  return kind === 'string' ? `'${plan.fileStem}-${n}'` : `'${n}'`;
}

/** `event(entityId, version)` and `publish(events)`. */
export function eventAndPublish(plan: ConsumerPlan): string {
  const event = plan.topic.eventType;
  const values = plan.fields
    .filter((field) => field !== plan.keyField)
    .map((field) => `    ${field.name}: ${exampleValue(field, 1)},`)
    .join('\n');
  return `  const event = (entityId: string, version: number): ${event} => ({
    eventId: deriveEventId('${plan.owner}', entityId, version),
    entityId,
    sourceSystem: '${plan.owner}',
    sourceVersion: version,
    occurredAt: Date.parse('2026-12-01T12:00:00Z') + version,
    ${plan.keyField.name}: ${keyValue(plan)},
${values}
  });

  const publish = async (events: readonly ${event}[]) => {
    const publisher = runtime.publisher({
      topic,
      subject: valueSubject(topic),
      contract: ${event}Contract,
      originSystem: '${plan.owner}',
    });
    await publisher.connect();
    try {
      await publisher.publish(events);
    } finally {
      await publisher.disconnect();
    }
  };`;
}

/** The start of the service as a process of its own, and of the test's Kafka runtime. */
export function startServiceAndRuntime(plan: ConsumerPlan, extraEnv = ''): string {
  return `    service = await startService('${plan.app}', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      DATABASE_URL: env.databaseUrl,
      FERRY_DB_SCHEMA: database.schema,
      ${plan.topicVariable}: topic,
      FERRY_CONSUMER_GROUP: group,${extraEnv}
    });
    runtime = new KafkaRuntime({
      connection: {
        brokers: env.kafkaBrokers,
        clientId: '${plan.app}-test',
        connectionTimeoutMs: 3000,
        requestTimeoutMs: 30_000,
      },
      schemaRegistryUrl: env.schemaRegistryUrl,
      logger: silentLogger,
    });`;
}

/** What every generated test imports. */
export function testImports(plan: ConsumerPlan, testSupport: readonly string[]): string {
  const event = plan.topic.eventType;
  const names = [
    'isolatedDatabase',
    ...testSupport,
    'startService',
    'testEnvironment',
    'uniqueName',
    'waitFor',
    'type IsolatedDatabase',
    'type RunningService',
  ];
  return `import { deriveEventId, ${event}Contract, valueSubject, type ${event} } from '@ferry/contracts';
import { KafkaRuntime } from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import {
${names.map((name) => `  ${name},`).join('\n')}
} from '@ferry/test-support';`;
}
