import { typescriptFromAvro, UnsupportedSchemaError } from './typescript-from-avro';

const schema = {
  type: 'record',
  name: 'Order',
  doc: 'An order.',
  fields: [
    { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
    { name: 'total', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 } },
    { name: 'placedOn', type: { type: 'int', logicalType: 'date' } },
    { name: 'note', type: ['null', 'string'], default: null },
    { name: 'state', type: { type: 'enum', name: 'OrderState', symbols: ['OPEN', 'DONE'] } },
    {
      name: 'lines',
      type: {
        type: 'array',
        items: { type: 'record', name: 'Line', fields: [{ name: 'qty', type: 'long' }] },
      },
    },
    { name: 'previousState', type: ['null', 'OrderState'], default: null },
  ],
};

describe('typescriptFromAvro', () => {
  const generated = typescriptFromAvro(schema, 'V3');

  it('declares versioned interfaces and enums, nested types first', () => {
    expect(generated.rootName).toBe('OrderV3');
    expect(generated.source).toContain('export interface LineV3 {\n  readonly qty: number;\n}');
    expect(generated.source).toContain(
      'export const OrderStateV3Symbols = ["OPEN", "DONE"] as const;',
    );
    expect(generated.source.indexOf('interface LineV3')).toBeLessThan(
      generated.source.indexOf('interface OrderV3'),
    );
  });

  it('types decimals, dates and uuids as strings and nullable unions as T | null', () => {
    expect(generated.source).toContain('readonly total: string;');
    expect(generated.source).toContain('readonly placedOn: string;');
    expect(generated.source).toContain('readonly id: string;');
    expect(generated.source).toContain('readonly note: string | null;');
    expect(generated.source).toContain('readonly lines: readonly LineV3[];');
    expect(generated.source).toContain('readonly previousState: OrderStateV3 | null;');
  });

  it('refuses unions it cannot type precisely, naming the field', () => {
    const bad = {
      type: 'record',
      name: 'Bad',
      fields: [{ name: 'either', type: ['string', 'long'] }],
    };
    expect(() => typescriptFromAvro(bad, 'V1')).toThrow(
      new UnsupportedSchemaError('Bad.either: only unions of null and one type are supported'),
    );
  });
});
