import { fieldOfAvro } from '../avro-fields';
import { readOwnership, readTopics, type CatalogTopic } from '../catalog-reading';
import type { FieldSpec } from '../fields';
import { constantCase, kebabCase, snakeCase } from '../naming';
import type { ConsumerGeneratorOptions } from './options';

/** Everything the consumer generator writes, decided before anything is written. */
export interface ConsumerPlan {
  readonly app: string;
  readonly kind: 'state' | 'sink';
  readonly topic: CatalogTopic;
  readonly owner: string;
  readonly group: string;
  readonly port: number;
  readonly topicVariable: string;
  /** The event's own fields that have a column; the key among them. */
  readonly fields: readonly FieldSpec[];
  readonly keyField: FieldSpec;
  /** Fields without one column (records, arrays): left out of the table, named in its comment. */
  readonly skipped: readonly string[];
  readonly table: string;
  /** sink: the system written into. */
  readonly target: 'erp' | 'wms' | undefined;
  /** The scope tag of its project: the topic's domain. */
  readonly scope: string;
  readonly fileStem: string;
}

const APP = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ENVELOPE = new Set(['eventId', 'entityId', 'sourceSystem', 'sourceVersion', 'occurredAt']);

export interface WorkspaceView {
  readonly topics: string;
  readonly ownership: string;
  readonly appExists: (app: string) => boolean;
  /** The newest schema of a topic, as parsed JSON. */
  readonly newestSchema: (topic: CatalogTopic) => unknown;
  /** The default ports the apps' configurations name. */
  readonly portsInUse: readonly number[];
}

/** Pure: the plan for `options` against the workspace, or an error naming every problem. */
export function planConsumer(
  options: ConsumerGeneratorOptions,
  workspace: WorkspaceView,
): ConsumerPlan {
  const problems: string[] = [];
  const app = options.name;
  if (!APP.test(app)) problems.push(`${app} is not kebab-case`);
  if (workspace.appExists(app)) problems.push(`apps/${app} exists`);
  const topic = readTopics(workspace.topics).find((t) => t.eventType === options.event);
  if (topic === undefined)
    throw new Error(
      `${options.event} is not in the topic catalog: add it first (nx g @ferry/tools:event)`,
    );
  const ownership = readOwnership(workspace.ownership).find((o) => o.entity === topic.entity);
  if (ownership === undefined) throw new Error(`${topic.entity} has no owner in the ownership map`);
  const target =
    options.kind === 'sink' ? (options.target ?? receivingTarget(ownership.receivers)) : undefined;
  if (options.kind === 'sink') {
    if (target === undefined)
      problems.push(`${topic.entity} is received by neither erp nor wms: a sink needs --target`);
    else if (!ownership.receivers.includes(target))
      problems.push(
        `the ownership map does not let ${target} receive ${topic.entity} (receivers: ${ownership.receivers.join(', ') || 'none'})`,
      );
  }
  const schema = workspace.newestSchema(topic) as { fields?: unknown };
  const own = (Array.isArray(schema.fields) ? schema.fields : []).filter(
    (field) => !ENVELOPE.has((field as { name?: string }).name ?? ''),
  );
  const fields: FieldSpec[] = [];
  const skipped: string[] = [];
  for (const field of own) {
    const spec = fieldOfAvro(field);
    if (spec) fields.push(spec);
    else skipped.push(String((field as { name?: unknown }).name));
  }
  const keyField = fields.find((field) => field.name === topic.keyField);
  if (keyField === undefined)
    problems.push(
      `the key of ${topic.name} (${topic.keyField}) is not one field of ${topic.eventType}: ` +
        'a composite key needs its upsert written by hand',
    );
  if (problems.length > 0 || keyField === undefined)
    throw new Error(`Cannot add ${app}:\n  ${problems.join('\n  ')}`);
  return {
    app,
    kind: options.kind,
    topic,
    owner: ownership.owner,
    group: `ferry.${app}`,
    port: options.port ?? Math.max(3000, ...workspace.portsInUse) + 1,
    topicVariable: `FERRY_${constantCase(topic.schemaFolder)}_TOPIC`,
    fields,
    keyField,
    skipped,
    table: snakeCase(topic.schemaFolder),
    target,
    scope: topic.name.split('.')[1] ?? 'shared',
    fileStem: kebabCase(topic.entity),
  };
}

function receivingTarget(receivers: readonly string[]): 'erp' | 'wms' | undefined {
  return receivers.includes('wms') ? 'wms' : receivers.includes('erp') ? 'erp' : undefined;
}
