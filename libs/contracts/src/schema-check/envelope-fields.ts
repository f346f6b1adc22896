import { isJsonObject, type JsonObject } from './json-object';

interface EnvelopeField {
  readonly name: string;
  readonly type: 'string' | 'long';
  readonly logicalType?: string;
}

/** The fields every Ferry event carries (see `EventEnvelope`), with their exact Avro types. */
export const EnvelopeFields: readonly EnvelopeField[] = [
  { name: 'eventId', type: 'string', logicalType: 'uuid' },
  { name: 'entityId', type: 'string' },
  { name: 'sourceSystem', type: 'string' },
  { name: 'sourceVersion', type: 'long' },
  { name: 'occurredAt', type: 'long', logicalType: 'timestamp-millis' },
];

function describeExpected(field: EnvelopeField): string {
  return field.logicalType ? `${field.type} (${field.logicalType})` : field.type;
}

/** `long`, `long (timestamp-millis)`, or the JSON itself for anything else (unions, records). */
function describeActual(type: unknown): string {
  if (typeof type === 'string') return type;
  if (isJsonObject(type) && typeof type['type'] === 'string') {
    const logical = type['logicalType'];
    return typeof logical === 'string' ? `${type['type']} (${logical})` : type['type'];
  }
  return type === undefined ? 'without a type' : JSON.stringify(type);
}

/** Problems with the envelope fields of a record schema (as parsed JSON), naming `file`. */
export function checkEnvelopeFields(file: string, schema: JsonObject): string[] {
  const fields = Array.isArray(schema['fields']) ? schema['fields'] : [];
  const byName = new Map<unknown, JsonObject>(
    fields.filter(isJsonObject).map((field) => [field['name'], field]),
  );
  return EnvelopeFields.flatMap((expected) => {
    const field = byName.get(expected.name);
    if (!field) return [`${file}: envelope field "${expected.name}" is missing`];
    const actual = describeActual(field['type']);
    const wanted = describeExpected(expected);
    return actual === wanted
      ? []
      : [`${file}: envelope field "${expected.name}" must be ${wanted}, is ${actual}`];
  });
}
