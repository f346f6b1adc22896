import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AllTopics, type TopicSpec } from '../catalog/topics';
import { typescriptFromAvro, type DeclaredName } from './typescript-from-avro';

export interface GeneratedFile {
  /** Relative to the generated folder. */
  readonly path: string;
  readonly content: string;
}

const HEADER = (what: string): string =>
  `// Generated from ${what} by \`npx nx run @ferry/contracts:generate\`. Do not edit by hand.\n`;

/** Versions of one topic's event, read from `schemas/<folder>/<EventType>.v<N>.avsc`, in order. */
export function readVersions(
  schemasRoot: string,
  topic: TopicSpec,
): { version: number; schema: unknown }[] {
  const pattern = new RegExp(`^${topic.eventType}\\.v(\\d+)\\.avsc$`);
  return readdirSync(join(schemasRoot, topic.schemaFolder))
    .flatMap((file) => {
      const match = pattern.exec(file);
      return match?.[1] ? [{ version: Number(match[1]), file }] : [];
    })
    .sort((a, b) => a.version - b.version)
    .map(({ version, file }) => ({
      version,
      schema: JSON.parse(
        readFileSync(join(schemasRoot, topic.schemaFolder, file), 'utf8'),
      ) as unknown,
    }));
}

function fileFor(
  topic: TopicSpec,
  versions: { version: number; schema: unknown }[],
): GeneratedFile {
  const parts: string[] = [];
  let latest: { names: ReadonlyMap<string, DeclaredName>; version: number } | undefined;
  for (const { version, schema } of versions) {
    const generated = typescriptFromAvro(schema, `V${version}`);
    const contract = `${generated.rootName}Contract`;
    parts.push(
      `// ${topic.eventType} v${version}\n\n${generated.source}\n\n` +
        `export const ${generated.rootName}Schema = ${JSON.stringify(schema)} as const;\n\n` +
        `export const ${contract} = defineContract<${generated.rootName}>(${generated.rootName}Schema);`,
    );
    latest = { names: generated.names, version };
  }
  if (!latest) throw new Error(`No schema versions for ${topic.name} in ${topic.schemaFolder}`);
  const event = topic.eventType;
  const aliases = [...latest.names].map(([avroName, { tsName, kind }]) =>
    kind === 'enum'
      ? `export type ${avroName} = ${tsName};\nexport const ${avroName}Symbols = ${tsName}Symbols;`
      : `export type ${avroName} = ${tsName};`,
  );
  parts.push(
    `// The newest version: what Ferry publishes and what its consumers read with.\n\n` +
      `${aliases.join('\n')}\n` +
      `export const ${event}Contract = ${event}V${latest.version}Contract;\n` +
      `export const ${event}SchemaVersion = ${latest.version};\n\n` +
      `/** Plain Avro binary of the newest version (no registry framing). */\n` +
      `export function encode${event}(value: ${event}): Buffer {\n  return ${event}Contract.avroType.toBuffer(${event}Contract.validate(value));\n}\n\n` +
      `/** Reads plain Avro binary written with the newest version and checks it. */\n` +
      `export function decode${event}(bytes: Buffer): ${event} {\n  return ${event}Contract.validate(${event}Contract.avroType.fromBuffer(bytes));\n}`,
  );
  return {
    path: `${topic.schemaFolder}.ts`,
    content: `${HEADER(`schemas/${topic.schemaFolder}/*.avsc`)}import { defineContract } from '../contract';\n\n${parts.join('\n\n')}\n`,
  };
}

/** Every generated file, in memory. */
export function generateContracts(
  schemasRoot: string,
  topics: readonly TopicSpec[] = AllTopics,
): GeneratedFile[] {
  const files = topics.map((topic) => fileFor(topic, readVersions(schemasRoot, topic)));
  const index = files
    .map((file) => `export * from './${file.path.replace(/\.ts$/, '')}';`)
    .join('\n');
  return [...files, { path: 'index.ts', content: `${HEADER('schemas/')}${index}\n` }];
}
