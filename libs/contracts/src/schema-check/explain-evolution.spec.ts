import { Type, type Schema } from 'avsc';
import { explainEvolution, explainHistory, type VersionedType } from './explain-evolution';

type FieldSchema = Readonly<Record<string, unknown>>;

function version(
  n: number,
  fields: readonly FieldSchema[],
  name = 'InventoryLevelSet',
): VersionedType {
  const schema = { type: 'record', name, namespace: 'dev.ferry.test', fields };
  return { label: `v${n}`, type: Type.forSchema(schema as unknown as Schema) };
}

const sku = { name: 'sku', type: 'string' };
const onHand = { name: 'onHand', type: 'long' };
const status = (symbols: string[], fallback?: string) => ({
  name: 'status',
  type: { type: 'enum', name: 'Status', symbols, ...(fallback ? { default: fallback } : {}) },
});
const customer = (fields: FieldSchema[]) => ({
  name: 'customer',
  type: { type: 'record', name: 'Customer', fields },
});

function messages(older: VersionedType, newer: VersionedType, level = 'FULL_TRANSITIVE' as const) {
  return explainEvolution(older, newer, level).map((problem) => problem.message);
}

describe('explainEvolution', () => {
  it('names a removed field without a default: old readers still need it', () => {
    const problems = explainEvolution(
      version(1, [sku, onHand]),
      version(2, [sku]),
      'FULL_TRANSITIVE',
    );
    expect(problems).toEqual([
      {
        older: 'v1',
        newer: 'v2',
        field: 'onHand',
        message: 'field "onHand" was removed and has no default: readers of v1 still need it',
      },
    ]);
  });

  it('accepts removing a field without a default under BACKWARD: new readers ignore it', () => {
    const problems = explainEvolution(
      version(1, [sku, onHand]),
      version(2, [sku]),
      'BACKWARD_TRANSITIVE',
    );
    expect(problems).toEqual([]);
  });

  it('accepts removing a field that has a default under FULL: old readers fill in the default', () => {
    const v1 = version(1, [sku, { name: 'unit', type: 'string', default: 'unit' }]);
    const v2 = version(2, [sku]);
    // What Avro resolution itself says, in both directions.
    expect(() => v1.type.createResolver(v2.type)).not.toThrow();
    expect(() => v2.type.createResolver(v1.type)).not.toThrow();
    expect(messages(v1, v2)).toEqual([]);
  });

  it('names a changed type that neither version can read', () => {
    const v2 = version(2, [sku, { name: 'onHand', type: 'string' }]);
    expect(messages(version(1, [sku, onHand]), v2)).toEqual([
      `field "onHand" changed type from long to string: v1 and v2 cannot read each other's data`,
    ]);
  });

  it('treats a promotion (int to long) as readable by the new version only', () => {
    const v1 = version(1, [sku, { name: 'onHand', type: 'int' }]);
    const v2 = version(2, [sku, onHand]);
    expect(messages(v1, v2)).toEqual([
      'field "onHand" changed type from int to long: readers of v1 cannot read v2 data',
    ]);
    expect(explainEvolution(v1, v2, 'BACKWARD_TRANSITIVE')).toEqual([]);
  });

  it('names a field added without a default: old data cannot be read with the new version', () => {
    const v2 = version(2, [sku, onHand, { name: 'binCode', type: 'string' }]);
    expect(messages(version(1, [sku, onHand]), v2)).toEqual([
      'field "binCode" was added without a default: v1 data cannot be read with v2',
    ]);
    expect(explainEvolution(version(1, [sku, onHand]), v2, 'FORWARD_TRANSITIVE')).toEqual([]);
  });

  it('accepts an optional field added with a default', () => {
    const binCode = { name: 'binCode', type: ['null', 'string'], default: null };
    const inTransit = { name: 'inTransit', type: 'long', default: 0 };
    expect(
      messages(version(1, [sku, onHand]), version(2, [sku, onHand, binCode, inTransit])),
    ).toEqual([]);
  });

  it('names an enum symbol added when the old enum has no default', () => {
    const v1 = version(1, [sku, status(['CREATED', 'SHIPPED'])]);
    const v2 = version(2, [sku, status(['CREATED', 'SHIPPED', 'LOST'])]);
    expect(messages(v1, v2)).toEqual([
      `enum "status" gained symbol "LOST" and v1's enum has no default: readers of v1 cannot read it`,
    ]);
  });

  it('accepts an enum symbol added when the old enum has a default', () => {
    const v1 = version(1, [sku, status(['UNKNOWN', 'CREATED'], 'UNKNOWN')]);
    const v2 = version(2, [sku, status(['UNKNOWN', 'CREATED', 'LOST'], 'UNKNOWN')]);
    expect(messages(v1, v2)).toEqual([]);
  });

  it('names an enum symbol removed when the new enum has no default', () => {
    const v1 = version(1, [sku, status(['CREATED', 'PICKED', 'SHIPPED'])]);
    const v2 = version(2, [sku, status(['CREATED', 'SHIPPED'])]);
    expect(messages(v1, v2)).toEqual([
      `enum "status" lost symbol "PICKED" and v2's enum has no default: v1 data with it cannot be read with v2`,
    ]);
  });

  it('names a field removed from a nested record by its path', () => {
    const email = { name: 'email', type: 'string' };
    const id = { name: 'customerId', type: 'string' };
    expect(
      messages(version(1, [sku, customer([id, email])]), version(2, [sku, customer([id])])),
    ).toEqual([
      'field "customer.email" was removed and has no default: readers of v1 still need it',
    ]);
  });

  it('names a field inside array items and inside a nullable record', () => {
    const lines = (type: string) => ({
      name: 'lines',
      type: {
        type: 'array',
        items: { type: 'record', name: 'Line', fields: [{ name: 'quantity', type }] },
      },
    });
    const address = (fields: FieldSchema[]) => ({
      name: 'address',
      type: ['null', { type: 'record', name: 'Address', fields }],
      default: null,
    });
    const street = { name: 'street', type: 'string' };
    const city = { name: 'city', type: 'string' };
    const v1 = version(1, [lines('long'), address([street, city])]);
    const v2 = version(2, [lines('string'), address([city])]);
    expect(messages(v1, v2)).toEqual([
      `field "lines[].quantity" changed type from long to string: v1 and v2 cannot read each other's data`,
      'field "address.street" was removed and has no default: readers of v1 still need it',
    ]);
  });

  it('describes a changed nullable type as the whole union', () => {
    const v1 = version(1, [{ name: 'binCode', type: ['null', 'string'], default: null }]);
    const v2 = version(2, [{ name: 'binCode', type: ['null', 'long'], default: null }]);
    expect(messages(v1, v2)).toEqual([
      `field "binCode" changed type from null | string to null | long: v1 and v2 cannot read each other's data`,
    ]);
  });

  it('names only the offending field when an enum change elsewhere is covered by its default', () => {
    const v1 = version(1, [sku, onHand, status(['UNKNOWN', 'CREATED'], 'UNKNOWN')]);
    const v2 = version(2, [sku, status(['UNKNOWN', 'CREATED', 'LOST'], 'UNKNOWN')]);
    expect(explainEvolution(v1, v2, 'FULL_TRANSITIVE').map((p) => p.field)).toEqual(['onHand']);
  });

  it('names a renamed event record', () => {
    const v2 = version(2, [sku, onHand], 'InventoryLevelChanged');
    expect(messages(version(1, [sku, onHand]), v2)).toEqual([
      `the event record changed type from record InventoryLevelSet to record InventoryLevelChanged: v1 and v2 cannot read each other's data`,
    ]);
  });
});

describe('explainHistory', () => {
  it('compares a version with every earlier one: v3 fails against v1 although v2 accepts it', () => {
    const v1 = version(1, [sku]);
    const v2 = version(2, [sku, { name: 'inTransit', type: 'long', default: 0 }]);
    const v3 = version(3, [sku, { name: 'inTransit', type: 'long' }]);
    expect(explainEvolution(v2, v3, 'FULL_TRANSITIVE')).toEqual([]);
    expect(explainHistory([v1, v2, v3], 'FULL_TRANSITIVE')).toEqual([
      {
        older: 'v1',
        newer: 'v3',
        field: 'inTransit',
        message: 'field "inTransit" was added without a default: v1 data cannot be read with v3',
      },
    ]);
  });

  it('finds nothing in a history that only adds defaulted fields', () => {
    const v1 = version(1, [sku]);
    const v2 = version(2, [sku, { name: 'inTransit', type: 'long', default: 0 }]);
    const v3 = version(3, [sku, { name: 'bin', type: ['null', 'string'], default: null }]);
    expect(explainHistory([v1, v2, v3], 'FULL_TRANSITIVE')).toEqual([]);
  });
});
