import { AllTopics, valueSubject, type TopicSpec } from '../catalog/topics';
import { SCHEMAS_ROOT } from '../contract';
import type { RegistryAccess } from '../registry-access/registry-access';
import { explainHistory } from './explain-evolution';
import { explainedFindings, historyFindings, type TopicFindings } from './history-findings';
import { checkAgainstLive } from './live-check';
import { loadTopicSchemas, type TopicSchemas } from './load-topic-schemas';
import { schemaRegistry, type SchemaRegistry } from './registry-client';
import { replayHistory, type HistoryVerdict } from './registry-history-check';
import { deleteScratchSubjects, newScratchPrefix, scratchSubject } from './scratch-subjects';
import type { SchemaCheckReport, TopicReport } from './topic-report';

export interface SchemaCheckOptions {
  /** The Confluent-compatible API, e.g. `http://127.0.0.1:18081/apis/ccompat/v7`. */
  readonly registryUrl: string;
  /** Default: the repository's `schemas/`. */
  readonly schemasRoot?: string;
  /**
   * false (default): replay every topic's history into scratch subjects configured like the
   * real ones, then delete them. true: compare the newest version with the real subjects,
   * registering nothing.
   */
  readonly live?: boolean;
  /** Default: every topic of the catalog. */
  readonly topics?: readonly TopicSpec[];
  /** Scratch subjects are `<prefix>.<topic>-value`. Default: unique per run. */
  readonly scratchPrefix?: string;
  /** The real subject of a topic. Default: `<topic>-value` (TopicNameStrategy). */
  readonly subjectOf?: (topic: TopicSpec) => string;
  /** Per registry request. Default: 10 s. */
  readonly registryTimeoutMs?: number;
  /** Credentials and TLS for the registry. Default: none. */
  readonly registryAccess?: RegistryAccess;
}

const defaultSubjectOf = (topic: TopicSpec): string => valueSubject(topic.name);

/** The registry's words name the scratch subject; the report speaks of the real one. */
function withRealSubject(verdict: HistoryVerdict, scratch: string, real: string): HistoryVerdict {
  const { rejected } = verdict;
  if (!rejected) return verdict;
  return {
    ...verdict,
    rejected: { ...rejected, message: rejected.message.split(scratch).join(real) },
  };
}

async function checkTopic(
  registry: SchemaRegistry,
  loaded: TopicSchemas,
  subject: string,
  options: SchemaCheckOptions & { readonly scratchPrefix: string },
  scratchSubjects: string[],
): Promise<TopicFindings> {
  const { topic, versions } = loaded;
  const level = topic.compatibility;
  const explained = explainHistory(
    versions.map((v) => ({ label: `v${v.version}`, type: v.type })),
    level,
  );
  if (options.live) {
    const history = explainedFindings(explained);
    const live = await checkAgainstLive(registry, subject, versions, level);
    return {
      problems: [...history.problems, ...live.problems],
      notes: [...history.notes, ...live.notes],
    };
  }
  const scratch = scratchSubject(options.scratchPrefix, subject);
  scratchSubjects.push(scratch);
  const verdict = await replayHistory(registry, scratch, versions, level);
  return historyFindings(explained, withRealSubject(verdict, scratch, subject));
}

/**
 * "Schemas evolve safely": checks the schema files of every topic, explains field by field what
 * breaks between versions, and asks the real registry (scratch subjects, or with `live` the
 * real ones) for its verdict. Throws RegistryUnreachableError / UnexpectedRegistryAnswerError
 * when the registry cannot give one.
 */
export async function runSchemaCheck(options: SchemaCheckOptions): Promise<SchemaCheckReport> {
  const registry = schemaRegistry(options.registryUrl, {
    ...(options.registryTimeoutMs === undefined ? {} : { timeoutMs: options.registryTimeoutMs }),
    ...(options.registryAccess === undefined ? {} : { access: options.registryAccess }),
  });
  const settings = { ...options, scratchPrefix: options.scratchPrefix ?? newScratchPrefix() };
  const subjectOf = options.subjectOf ?? defaultSubjectOf;
  const scratchSubjects: string[] = [];
  const topics: TopicReport[] = [];
  let warnings: string[] = [];
  const schemas = loadTopicSchemas(
    options.schemasRoot ?? SCHEMAS_ROOT,
    options.topics ?? AllTopics,
  );
  try {
    for (const loaded of schemas) {
      const subject = subjectOf(loaded.topic);
      const findings: TopicFindings =
        loaded.problems.length > 0
          ? {
              problems: loaded.problems,
              notes: ['compatibility not checked until the files are fixed'],
            }
          : await checkTopic(registry, loaded, subject, settings, scratchSubjects);
      topics.push({
        subject,
        compatibility: loaded.topic.compatibility,
        versions: loaded.versions.map((v) => v.version),
        ...findings,
      });
    }
  } finally {
    warnings = await deleteScratchSubjects(registry, scratchSubjects);
  }
  return { topics, warnings };
}
