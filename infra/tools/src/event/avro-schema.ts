import { avroType } from '../fields';
import { spacedWords } from '../naming';
import type { EventPlan } from './event-plan';

const ENVELOPE_FIELDS = (plan: EventPlan) => [
  {
    name: 'eventId',
    type: { type: 'string', logicalType: 'uuid' },
    doc: 'Deterministic: UUIDv5 of sourceSystem, entityId and sourceVersion. Also the correlation id of every write it causes.',
  },
  {
    name: 'entityId',
    type: 'string',
    doc: `The ${plan.keyField.name}. Also the Kafka message key.`,
  },
  {
    name: 'sourceSystem',
    type: 'string',
    doc: 'The system that owns this entity and published this state.',
  },
  {
    name: 'sourceVersion',
    type: 'long',
    doc: "The owner's version of the entity; increases with every change. An older version never overwrites a newer one.",
  },
  {
    name: 'occurredAt',
    type: { type: 'long', logicalType: 'timestamp-millis' },
    doc: 'When the owner recorded this state.',
  },
];

/**
 * Version 1 of the event's Avro schema: Ferry's envelope, then the event's own fields. Optional
 * fields are unions with null and default null, so later versions can add more the same way.
 */
export function avroSchemaV1(plan: EventPlan): string {
  const schema = {
    type: 'record',
    name: plan.eventType,
    namespace: `dev.ferry.${plan.domain.replace(/-/g, '_')}`,
    doc: `The whole state of a ${spacedWords(plan.entity)}, as ${plan.owner} (its owner) last recorded it.`,
    fields: [
      ...ENVELOPE_FIELDS(plan),
      ...plan.fields.map((field) =>
        field.optional
          ? { name: field.name, type: avroType(field), default: null }
          : { name: field.name, type: avroType(field) },
      ),
    ],
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
