/*
 * The catalog as its source files say it (the tree a generator works on may be ahead of any
 * build): the topics, the ownership map and the systems, read from the object literals those
 * files are written as. A test holds the reading against the built catalog.
 */

export interface CatalogTopic {
  readonly key: string;
  readonly name: string;
  readonly entity: string;
  readonly eventType: string;
  readonly schemaFolder: string;
  readonly keyField: string;
  readonly partitions: number;
}

export interface CatalogOwnership {
  readonly entity: string;
  readonly owner: string;
  readonly receivers: readonly string[];
}

const TOPIC_BLOCK = /^ {2}(\w+): \{\n([\s\S]*?)\n {2}\},?$/gm;

function text(block: string, field: string): string | undefined {
  return new RegExp(`^\\s+${field}: '([^']*)',$`, 'm').exec(block)?.[1];
}

/** The entries of `Topics` in libs/contracts/src/catalog/topics.ts. */
export function readTopics(source: string): CatalogTopic[] {
  const start = source.indexOf('export const Topics = {');
  const end = source.indexOf('} as const satisfies Record<string, TopicSpec>;');
  if (start < 0 || end < 0) throw new Error('topics.ts: the Topics table is not where it was');
  return [...source.slice(start, end).matchAll(TOPIC_BLOCK)].map(([, key = '', block = '']) => {
    const partitions = Number(/^\s+partitions: (\d+),$/m.exec(block)?.[1]);
    const entry = {
      key,
      name: text(block, 'name'),
      entity: text(block, 'entity'),
      eventType: text(block, 'eventType'),
      schemaFolder: text(block, 'schemaFolder'),
      keyField: text(block, 'key'),
    };
    const missing = Object.entries(entry).filter(([, value]) => value === undefined);
    if (missing.length > 0 || !Number.isInteger(partitions))
      throw new Error(`topics.ts: cannot read the entry ${key}`);
    return { ...(entry as Record<keyof typeof entry, string>), partitions };
  });
}

const OWNERSHIP_LINE = /^ {2}(\w+): \{ owner: '([\w-]+)', receivers: \[([^\]]*)\] \},$/gm;

/** The entries of `Ownership` in libs/contracts/src/catalog/ownership.ts. */
export function readOwnership(source: string): CatalogOwnership[] {
  return [...source.matchAll(OWNERSHIP_LINE)].map(
    ([, entity = '', owner = '', receivers = '']) => ({
      entity,
      owner,
      receivers: [...receivers.matchAll(/'([\w-]+)'/g)].map((match) => match[1] ?? ''),
    }),
  );
}

/** `Systems` and `SourceSystems` of libs/contracts/src/catalog/systems.ts. */
export function readSystems(source: string): { systems: string[]; sourceSystems: string[] } {
  const list = (name: string): string[] => {
    const body = new RegExp(`export const ${name} = \\[([^\\]]*)\\]`).exec(source)?.[1];
    if (body === undefined) throw new Error(`systems.ts: ${name} is not where it was`);
    return [...body.matchAll(/'([\w-]+)'/g)].map((match) => match[1] ?? '');
  };
  return { systems: list('Systems'), sourceSystems: list('SourceSystems') };
}
