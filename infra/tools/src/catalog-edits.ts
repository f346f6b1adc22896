import type { CatalogTopic } from './catalog-reading';

/*
 * Pure edits of the catalog's source files (the topic catalog, the ownership map, the systems,
 * the services' Kafka access, the deployments): each entry goes in before the line that closes
 * its table, written as the files write theirs. A file that lost its anchor is an error naming
 * it, never a silent skip.
 */

function insertBefore(text: string, anchor: string, insertion: string, file: string): string {
  const at = text.lastIndexOf(anchor);
  if (at < 0) throw new Error(`${file} no longer has "${anchor.trim()}": add the entry by hand`);
  return text.slice(0, at) + insertion + text.slice(at);
}

/** A topic as `readTopics` reads it back: `key` is its key in `Topics` (camelCase). */
export function addTopic(text: string, entry: CatalogTopic): string {
  return insertBefore(
    text,
    '} as const satisfies Record<string, TopicSpec>;',
    `  ${entry.key}: {
    name: '${entry.name}',
    entity: '${entry.entity}',
    eventType: '${entry.eventType}',
    schemaFolder: '${entry.schemaFolder}',
    key: '${entry.keyField}',
    partitions: ${entry.partitions},
    compatibility: 'FULL_TRANSITIVE',
    config: compactedState,
  },
`,
    'libs/contracts/src/catalog/topics.ts',
  );
}

export function addOwnership(
  text: string,
  entity: string,
  owner: string,
  receivers: readonly string[],
): string {
  return insertBefore(
    text,
    '} as const satisfies Record<string, { owner: SourceSystem; receivers: readonly System[] }>;',
    `  ${entity}: { owner: '${owner}', receivers: [${receivers.map((r) => `'${r}'`).join(', ')}] },\n`,
    'libs/contracts/src/catalog/ownership.ts',
  );
}

/** Adds `system` to `Systems`, and to `SourceSystems` when it owns something. */
export function addSystem(text: string, system: string, owns: boolean): string {
  const add = (source: string, pattern: RegExp, what: string): string => {
    const match = pattern.exec(source);
    if (match?.[1] === undefined)
      throw new Error(`libs/contracts/src/catalog/systems.ts lost ${what}`);
    const start = match.index + match[0].indexOf('[') + 1;
    const end = start + match[1].length;
    return `${source.slice(0, start)}${match[1].trim()}, '${system}'${source.slice(end)}`;
  };
  const withSystem = add(text, /export const Systems = \[([^\]]*)\]/, 'its Systems list');
  return owns
    ? add(withSystem, /export const SourceSystems = \[([^\]]*)\]/, 'its SourceSystems list')
    : withSystem;
}

/**
 * The new event type's invariants: its entity id is its key field (every event type declares
 * some; the catalog test checks). Others (a quantity at least 0) are the developer's to add.
 */
export function addInvariants(text: string, eventType: string, keyField: string): string {
  return insertBefore(
    text,
    '};\n\n/** The invariants `event` of `eventType` breaks',
    `  ${eventType}: [entityIdIs((event) => event['${keyField}'], '${keyField}')],\n`,
    'libs/contracts/src/invariants/event-invariants.ts',
  );
}

export interface ServiceAccessEntry {
  readonly service: string;
  readonly topicKey: string;
  readonly group: string;
}

export function addServiceAccess(text: string, entry: ServiceAccessEntry): string {
  return insertBefore(
    text,
    '] as const satisfies readonly ServiceKafkaAccess[];',
    `  {
    service: '${entry.service}',
    principal: 'ferry-${entry.service}',
    publishes: [],
    consumes: [{ topic: '${entry.topicKey}', group: '${entry.group}' }],
  },
`,
    'libs/contracts/src/catalog/kafka-access.ts',
  );
}

export function addWorkload(
  text: string,
  entry: { readonly service: string; readonly calls?: string },
): string {
  const calls = entry.calls === undefined ? '' : `, calls: '${entry.calls}'`;
  return insertBefore(
    text,
    '] as const satisfies readonly Workload[];',
    `  { name: '${entry.service}', service: '${entry.service}', traffic: 'consumer'${calls} },\n`,
    'infra/deploy/src/workloads.ts',
  );
}
