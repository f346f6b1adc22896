import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Type } from 'avsc';
import { AllTopics, type TopicSpec } from '../catalog/topics';
import { SCHEMAS_ROOT } from '../contract';
import type { JsonObject } from './json-object';
import { readSchemaDocument } from './schema-document';
import { planVersionFiles } from './version-files';

/** One valid version of an event schema. */
export interface SchemaVersion {
  readonly version: number;
  /** Relative to the schemas root, e.g. `inventory-levels/InventoryLevelSet.v2.avsc`. */
  readonly file: string;
  /** The document as parsed JSON: what is registered. */
  readonly schema: JsonObject;
  readonly type: Type;
}

/** A topic's schema versions in order, or the problems that keep them from being checked. */
export interface TopicSchemas {
  readonly topic: TopicSpec;
  /** Empty when there are problems: a broken history is not compared. */
  readonly versions: readonly SchemaVersion[];
  readonly problems: readonly string[];
}

function loadTopic(schemasRoot: string, topic: TopicSpec): TopicSchemas {
  const folder = join(schemasRoot, topic.schemaFolder);
  if (!existsSync(folder)) {
    return { topic, versions: [], problems: [`${topic.schemaFolder}: folder is missing`] };
  }
  const plan = planVersionFiles(topic.schemaFolder, readdirSync(folder), topic.eventType);
  const problems = [...plan.problems];
  const versions: SchemaVersion[] = [];
  for (const { version, file } of plan.files) {
    const text = readFileSync(join(schemasRoot, file), 'utf8');
    const document = readSchemaDocument(file, text, topic.eventType);
    if (document.valid) {
      versions.push({ version, file, schema: document.schema, type: document.type });
    } else {
      problems.push(...document.problems);
    }
  }
  return { topic, versions: problems.length > 0 ? [] : versions, problems };
}

/** Every topic's schema versions from `schemasRoot/<schemaFolder>/<EventType>.v<N>.avsc`. */
export function loadTopicSchemas(
  schemasRoot: string = SCHEMAS_ROOT,
  topics: readonly TopicSpec[] = AllTopics,
): TopicSchemas[] {
  return topics.map((topic) => loadTopic(schemasRoot, topic));
}
