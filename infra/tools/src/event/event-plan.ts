import { readOwnership, readSystems, readTopics } from '../catalog-reading';
import { parseFields, type FieldSpec } from '../fields';
import { camelCase, kebabCase, pascalCase, singular } from '../naming';
import type { EventGeneratorOptions } from './options';

/** Everything the event generator writes, decided before anything is written. */
export interface EventPlan {
  readonly eventType: string;
  readonly topic: string;
  readonly topicKey: string;
  readonly domain: string;
  readonly schemaFolder: string;
  readonly entity: string;
  readonly owner: string;
  readonly receivers: readonly string[];
  readonly keyField: FieldSpec;
  readonly fields: readonly FieldSpec[];
  readonly partitions: number;
  /** Systems the catalog does not know yet. */
  readonly newSystems: readonly string[];
}

const TOPIC = /^ferry\.([a-z][a-z0-9-]*)\.([a-z][a-z0-9-]*)$/;
const SYSTEM = /^[a-z][a-z0-9-]*$/;
const KEY_KINDS = new Set(['string', 'uuid', 'int', 'long']);

/**
 * Pure: the plan for `options` against the catalog's current source (`catalog`), or an error
 * naming every problem (an event type, topic, entity or schema folder that exists, a bad name).
 */
export function planEvent(
  options: EventGeneratorOptions,
  catalog: { readonly topics: string; readonly ownership: string; readonly systems: string },
  schemaFolderExists: (folder: string) => boolean,
): EventPlan {
  const problems: string[] = [];
  const topics = readTopics(catalog.topics);
  const ownership = readOwnership(catalog.ownership);
  const { systems } = readSystems(catalog.systems);
  const eventType = options.name;
  if (pascalCase(eventType) !== eventType) problems.push(`${eventType} is not PascalCase`);
  if (topics.some((t) => t.eventType === eventType)) problems.push(`${eventType} exists`);
  const match = TOPIC.exec(options.topic);
  if (!match) problems.push(`${options.topic} is not ferry.<domain>.<entities>`);
  if (topics.some((t) => t.name === options.topic)) problems.push(`${options.topic} exists`);
  const [, domain = '', plural = ''] = match ?? [];
  const schemaFolder = plural;
  if (topics.some((t) => t.key === camelCase(plural)))
    problems.push(`Topics.${camelCase(plural)} exists`);
  if (schemaFolder !== '' && schemaFolderExists(schemaFolder))
    problems.push(`schemas/${schemaFolder} exists`);
  const entity = options.entity ?? camelCase(singular(plural));
  if (camelCase(entity) !== entity) problems.push(`entity ${entity} is not camelCase`);
  if (ownership.some((o) => o.entity === entity)) problems.push(`entity ${entity} has an owner`);
  const receivers = (options.receivers ?? '')
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '');
  for (const system of [options.owner, ...receivers])
    if (!SYSTEM.test(system)) problems.push(`${system} is not a system name`);
  if (receivers.includes(options.owner))
    problems.push(`${options.owner} owns ${entity}: it cannot receive it too`);
  let fields: FieldSpec[] = [];
  try {
    fields = parseFields(options.fields);
  } catch (error: unknown) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const keyName = options.key ?? fields[0]?.name;
  const keyField = fields.find((field) => field.name === keyName);
  if (fields.length > 0 && keyField === undefined)
    problems.push(`--key ${keyName ?? ''} is not one of the fields`);
  if (keyField && (keyField.optional || !KEY_KINDS.has(keyField.type.kind)))
    problems.push(`--key ${keyField.name} must be a required string, uuid, int or long`);
  const partitions = options.partitions ?? 3;
  if (!Number.isInteger(partitions) || partitions < 1) problems.push('--partitions is below 1');
  if (problems.length > 0 || keyField === undefined)
    throw new Error(`Cannot add ${eventType}:\n  ${problems.join('\n  ')}`);
  return {
    eventType,
    topic: options.topic,
    topicKey: camelCase(plural),
    domain,
    schemaFolder,
    entity,
    owner: options.owner,
    receivers,
    keyField,
    fields,
    partitions,
    newSystems: [...new Set([options.owner, ...receivers])].filter((s) => !systems.includes(s)),
  };
}

/** The file name stem of things named after the event (`price-list-published`). */
export function eventFileStem(plan: Pick<EventPlan, 'eventType'>): string {
  return kebabCase(plan.eventType);
}
