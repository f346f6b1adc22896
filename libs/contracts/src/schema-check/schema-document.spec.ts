import { readSchemaDocument } from './schema-document';

const FILE = 'inventory-levels/InventoryLevelSet.v1.avsc';

const envelope = [
  { name: 'eventId', type: { type: 'string', logicalType: 'uuid' } },
  { name: 'entityId', type: 'string' },
  { name: 'sourceSystem', type: 'string' },
  { name: 'sourceVersion', type: 'long' },
  { name: 'occurredAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
];

function document(fields: unknown[], name = 'dev.ferry.inventory.InventoryLevelSet'): string {
  return JSON.stringify({ type: 'record', name, fields });
}

function problemsOf(text: string): readonly string[] {
  const result = readSchemaDocument(FILE, text, 'InventoryLevelSet');
  return result.valid ? [] : result.problems;
}

describe('readSchemaDocument', () => {
  it('accepts an event record with the envelope fields', () => {
    const result = readSchemaDocument(
      FILE,
      document([...envelope, { name: 'sku', type: 'string' }]),
      'InventoryLevelSet',
    );
    expect(result.valid).toBe(true);
    expect(result.valid && result.type.typeName).toBe('record');
  });

  it('reports text that is not JSON', () => {
    expect(problemsOf('{ "type": ')).toEqual([
      expect.stringMatching(/^inventory-levels\/InventoryLevelSet\.v1\.avsc: not valid JSON: /),
    ]);
  });

  it('reports a schema that is not a record', () => {
    expect(problemsOf('"string"')).toEqual([`${FILE}: must be an Avro schema of type "record"`]);
  });

  it('reports a schema avsc cannot parse', () => {
    expect(problemsOf(document([...envelope, { name: 'sku', type: 'text' }]))).toEqual([
      expect.stringMatching(
        /^inventory-levels\/InventoryLevelSet\.v1\.avsc: not a valid Avro schema: .*text/,
      ),
    ]);
  });

  it('reports a record named differently from the event type', () => {
    expect(problemsOf(document(envelope, 'dev.ferry.inventory.StockLevel'))).toEqual([
      `${FILE}: record name "dev.ferry.inventory.StockLevel" must be the event type "InventoryLevelSet"`,
    ]);
  });

  it('reports missing envelope fields and envelope fields of the wrong type', () => {
    const fields = [
      { name: 'eventId', type: 'string' },
      { name: 'entityId', type: 'string' },
      { name: 'sourceVersion', type: ['null', 'long'], default: null },
      { name: 'occurredAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    ];
    expect(problemsOf(document(fields))).toEqual([
      `${FILE}: envelope field "eventId" must be string (uuid), is string`,
      `${FILE}: envelope field "sourceSystem" is missing`,
      `${FILE}: envelope field "sourceVersion" must be long, is ["null","long"]`,
    ]);
  });
});
