import { isJsonObject } from './json-object';

/**
 * Readers of the Confluent-compatible API's answers, as Apicurio Registry 3.0.9 gives them:
 *   compatibility check   200 {"is_compatible":false}   (no `messages`, even with verbose=true)
 *   registration          200 {"id":14}
 *                         409 {"message":"...RuleViolationException: Incompatible artifact: <subject>
 *                              [AVRO], num of incompatible diffs: {1}, list of diff types: [...]",
 *                              "error_code":409}
 *                         422 {"message":"...","error_code":42201}   schema not valid Avro
 *   config                200 {"compatibilityLevel":"FULL_TRANSITIVE"}
 *   unknown subject       404 {"message":"No artifact with ID '<subject>' ...","error_code":40401}
 * Each returns undefined when the body does not have the expected shape.
 */

/** Worth trying again later: the registry is down, overloaded or restarting. */
export function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

export function readIsCompatible(body: unknown): boolean | undefined {
  return isJsonObject(body) && typeof body['is_compatible'] === 'boolean'
    ? body['is_compatible']
    : undefined;
}

/** Confluent's verbose check lists reasons in `messages`; Apicurio 3.0.9 sends none. */
export function readCompatibilityMessages(body: unknown): string[] {
  const messages = isJsonObject(body) ? body['messages'] : undefined;
  return Array.isArray(messages) ? messages.map(String) : [];
}

export function readSchemaId(body: unknown): number | undefined {
  return isJsonObject(body) && typeof body['id'] === 'number' ? body['id'] : undefined;
}

export function readCompatibilityLevel(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const level = body['compatibilityLevel'] ?? body['compatibility'];
  return typeof level === 'string' ? level : undefined;
}

export function readNumbers(body: unknown): number[] | undefined {
  return Array.isArray(body) && body.every((item) => typeof item === 'number') ? body : undefined;
}

export function readStrings(body: unknown): string[] | undefined {
  return Array.isArray(body) && body.every((item) => typeof item === 'string') ? body : undefined;
}

/** The error's message without the Java exception class Apicurio puts in front of it. */
export function readErrorMessage(body: unknown): string {
  const message = isJsonObject(body) ? body['message'] : undefined;
  if (typeof message !== 'string') return typeof body === 'string' ? body : JSON.stringify(body);
  return message.replace(/^[\w.$]+(Exception|Error): /, '');
}
