import { Type, type Schema } from 'avsc';
import { checkEnvelopeFields } from './envelope-fields';
import { isJsonObject, type JsonObject } from './json-object';

export type SchemaDocument =
  | { readonly valid: true; readonly schema: JsonObject; readonly type: Type }
  | { readonly valid: false; readonly problems: readonly string[] };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function parseAvro(schema: JsonObject): Type | string {
  try {
    // avsc checks the whole document; the cast only hands it over.
    return Type.forSchema(schema as unknown as Schema);
  } catch (error) {
    return messageOf(error);
  }
}

/**
 * Checks the text of one schema file: JSON, a valid Avro record named like the event type
 * (namespace aside), carrying the envelope fields with their exact types. Logical types are not
 * registered with avsc here: compatibility is decided on the underlying types, as the registry does.
 */
export function readSchemaDocument(file: string, text: string, eventType: string): SchemaDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { valid: false, problems: [`${file}: not valid JSON: ${messageOf(error)}`] };
  }
  if (!isJsonObject(parsed) || parsed['type'] !== 'record') {
    return { valid: false, problems: [`${file}: must be an Avro schema of type "record"`] };
  }
  const type = parseAvro(parsed);
  if (typeof type === 'string') {
    return { valid: false, problems: [`${file}: not a valid Avro schema: ${type}`] };
  }
  const problems: string[] = [];
  const name = typeof parsed['name'] === 'string' ? parsed['name'] : '';
  const simpleName = name.slice(name.lastIndexOf('.') + 1);
  if (simpleName !== eventType) {
    problems.push(`${file}: record name "${name}" must be the event type "${eventType}"`);
  }
  problems.push(...checkEnvelopeFields(file, parsed));
  return problems.length > 0 ? { valid: false, problems } : { valid: true, schema: parsed, type };
}
