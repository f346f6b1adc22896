import type { Compatibility } from '../catalog/topics';
import { OPEN_REGISTRY, type RegistryAccess } from '../registry-access/registry-access';
import { registryTransport } from '../registry-access/registry-transport';
import { RegistryUnreachableError, UnexpectedRegistryAnswerError } from './errors';
import type { JsonObject } from './json-object';
import {
  isTransientStatus,
  readCompatibilityLevel,
  readCompatibilityMessages,
  readErrorMessage,
  readIsCompatible,
  readNumbers,
  readSchemaId,
  readStrings,
} from './registry-answers';

/** The outcome of registering a version: accepted, or refused with the registry's own words. */
export type Registration =
  | { readonly accepted: true; readonly id: number }
  | {
      readonly accepted: false;
      readonly reason: 'incompatible' | 'invalid';
      readonly status: number;
      readonly message: string;
    };

export interface CompatibilityVerdict {
  readonly compatible: boolean;
  /** The registry's reasons, when it gives any (Apicurio 3.0.9 does not). */
  readonly messages: readonly string[];
}

/** The part of the Confluent-compatible schema registry API the schema check uses. */
export interface SchemaRegistry {
  readonly url: string;
  subjects(): Promise<string[]>;
  /** The subject's versions; undefined when the subject does not exist. */
  versions(subject: string): Promise<number[] | undefined>;
  schemaAt(subject: string, version: number): Promise<unknown>;
  /** The subject's own level (or the registry default); undefined when the subject is unknown. */
  compatibilityOf(subject: string): Promise<string | undefined>;
  setCompatibility(subject: string, level: Compatibility): Promise<void>;
  /** Checked against every registered version (Apicurio applies the subject's rule to each). */
  check(subject: string, schema: JsonObject): Promise<CompatibilityVerdict>;
  register(subject: string, schema: JsonObject): Promise<Registration>;
  deleteSubject(subject: string, options: { permanent: boolean }): Promise<void>;
}

export interface SchemaRegistryOptions {
  /** Per request. A registry that does not answer in time counts as unreachable. */
  readonly timeoutMs?: number;
  /** Credentials and TLS; default: none (plain http, no sign-in). */
  readonly access?: RegistryAccess;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A client of the registry's Confluent-compatible API (`.../apis/ccompat/v7` on Apicurio). Throws
 * RegistryUnreachableError when the registry cannot answer (refused, timed out, 5xx/408/429) and
 * UnexpectedRegistryAnswerError for answers it does not understand; 404/409/422 where they mean
 * something are returned as values.
 */
export function schemaRegistry(url: string, options: SchemaRegistryOptions = {}): SchemaRegistry {
  const base = url.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const transport = registryTransport(base, options.access ?? OPEN_REGISTRY);

  async function send(method: string, path: string, body?: unknown): Promise<Answer> {
    const where = `${method} ${base}${path}`;
    let answer: Answer;
    try {
      const response = await transport.send({
        method,
        url: `${base}${path}`,
        headers: { Accept: CONTENT_TYPE, 'Content-Type': CONTENT_TYPE },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        timeoutMs,
      });
      answer = { status: response.status, body: parseBody(response.text) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const message = `schema registry unreachable: ${where}: ${reason}`;
      throw new RegistryUnreachableError(message, { cause: error });
    }
    if (isTransientStatus(answer.status)) {
      const reason = readErrorMessage(answer.body);
      throw new RegistryUnreachableError(
        `schema registry unreachable: ${where} answered ${answer.status}: ${reason}`,
      );
    }
    if (answer.status === 401 || answer.status === 403) {
      throw new UnexpectedRegistryAnswerError(
        `schema registry refused ${where} (${answer.status}): see SCHEMA_REGISTRY_USERNAME, SCHEMA_REGISTRY_PASSWORD or SCHEMA_REGISTRY_TOKEN`,
      );
    }
    return answer;
  }

  function unexpected(what: string, answer: Answer): UnexpectedRegistryAnswerError {
    return new UnexpectedRegistryAnswerError(
      `schema registry at ${base}: unexpected answer to ${what}: ${answer.status} ${JSON.stringify(answer.body)}`,
    );
  }

  function expectBody<T>(what: string, answer: Answer, read: (body: unknown) => T | undefined): T {
    const value = answer.status === 200 ? read(answer.body) : undefined;
    if (value === undefined) throw unexpected(what, answer);
    return value;
  }

  const subjectPath = (subject: string): string => `/subjects/${encodeURIComponent(subject)}`;
  const configPath = (subject: string): string => `/config/${encodeURIComponent(subject)}`;

  return {
    url: base,
    async subjects() {
      return expectBody('list subjects', await send('GET', '/subjects'), readStrings);
    },
    async versions(subject) {
      const answer = await send('GET', `${subjectPath(subject)}/versions`);
      if (answer.status === 404) return undefined;
      return expectBody(`versions of ${subject}`, answer, readNumbers);
    },
    async schemaAt(subject, version) {
      const answer = await send('GET', `${subjectPath(subject)}/versions/${version}/schema`);
      return expectBody(`schema ${subject} v${version}`, answer, (body) => body);
    },
    async compatibilityOf(subject) {
      const answer = await send('GET', configPath(subject));
      if (answer.status === 404) return undefined;
      return expectBody(`compatibility of ${subject}`, answer, readCompatibilityLevel);
    },
    async setCompatibility(subject, level) {
      const answer = await send('PUT', configPath(subject), { compatibility: level });
      expectBody(`set compatibility of ${subject}`, answer, readCompatibilityLevel);
    },
    async check(subject, schema) {
      const path = `/compatibility${subjectPath(subject)}/versions?verbose=true`;
      const answer = await send('POST', path, { schema: JSON.stringify(schema) });
      const compatible = expectBody(`compatibility check of ${subject}`, answer, readIsCompatible);
      return { compatible, messages: readCompatibilityMessages(answer.body) };
    },
    async register(subject, schema) {
      const answer = await send('POST', `${subjectPath(subject)}/versions`, {
        schema: JSON.stringify(schema),
      });
      if (answer.status === 409 || answer.status === 422) {
        const reason = answer.status === 409 ? 'incompatible' : 'invalid';
        return {
          accepted: false,
          reason,
          status: answer.status,
          message: readErrorMessage(answer.body),
        };
      }
      return { accepted: true, id: expectBody(`registration in ${subject}`, answer, readSchemaId) };
    },
    async deleteSubject(subject, { permanent }) {
      const answer = await send(
        'DELETE',
        `${subjectPath(subject)}${permanent ? '?permanent=true' : ''}`,
      );
      if (answer.status !== 200 && answer.status !== 404)
        throw unexpected(`delete ${subject}`, answer);
    },
  };
}
