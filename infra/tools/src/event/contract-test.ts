import { exampleValue } from '../fields';
import type { EventPlan } from './event-plan';

/** The example event's entity id: its key field's example value, as text. */
export function exampleKey(plan: EventPlan, n: number): string {
  const value = exampleValue(plan.keyField, n);
  return value.startsWith("'") ? value : `'${value}'`;
}

/**
 * The contract test of a new event type: an example round-trips through Avro value for value,
 * the catalog names its topic and owner, and a value missing a required field is refused.
 */
export function contractTest(plan: EventPlan): string {
  const other = plan.owner === 'wms' ? 'erp' : 'wms';
  const required = plan.fields.find((field) => !field.optional) ?? plan.keyField;
  const values = plan.fields
    .map((field) => `  ${field.name}: ${exampleValue(field, 1)},`)
    .join('\n');
  return `import { mayPublish, ownerOf } from '../catalog/ownership';
import { Topics } from '../catalog/topics';
import { ContractViolation } from '../contract';
import { deriveEventId } from '../event-id';
import {
  decode${plan.eventType},
  encode${plan.eventType},
  ${plan.eventType}Contract,
  type ${plan.eventType},
} from '../generated';

const entityId = ${exampleKey(plan, 1)};

const event: ${plan.eventType} = {
  eventId: deriveEventId('${plan.owner}', entityId, 1),
  entityId,
  sourceSystem: '${plan.owner}',
  sourceVersion: 1,
  occurredAt: Date.parse('2026-12-01T12:00:00Z'),
${values}
};

describe('the ${plan.eventType} contract', () => {
  it('round-trips an event through Avro, value for value', () => {
    expect(decode${plan.eventType}(encode${plan.eventType}(event))).toEqual(event);
  });

  it('is published on ${plan.topic} by its owner, ${plan.owner}, alone', () => {
    expect(Topics.${plan.topicKey}).toMatchObject({
      name: '${plan.topic}',
      entity: '${plan.entity}',
      eventType: '${plan.eventType}',
    });
    expect(ownerOf('${plan.entity}')).toBe('${plan.owner}');
    expect(mayPublish('${other}', '${plan.entity}')).toBe(false);
  });

  it('refuses a value without ${required.name}', () => {
    const { ${required.name}: _left, ...incomplete } = event;
    expect(() => ${plan.eventType}Contract.validate(incomplete)).toThrow(ContractViolation);
  });
});
`;
}
