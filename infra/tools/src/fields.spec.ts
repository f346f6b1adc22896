import { avroType, parseFields, postgresType, stateColumnType } from './fields';

describe('parseFields', () => {
  it('reads names, types, decimals and optional fields', () => {
    expect(parseFields('priceListId:string, amount:decimal(18,4), note:string?')).toEqual([
      { name: 'priceListId', type: { kind: 'string' }, optional: false },
      { name: 'amount', type: { kind: 'decimal', precision: 18, scale: 4 }, optional: false },
      { name: 'note', type: { kind: 'string' }, optional: true },
    ]);
  });

  it('names every field it cannot read, and refuses the envelope’s own', () => {
    expect(() => parseFields('Price:string,amount:money,eventId:string,a:int,a:long')).toThrow(
      /"Price:string" is not name:type.*"amount:money": the type is one of.*"eventId" is an envelope field.*fields named twice: a/,
    );
    expect(() => parseFields('')).toThrow(/no fields given/);
    expect(() => parseFields('amount:decimal(2,5)')).toThrow(/the type is one of/);
  });
});

describe('a field in Avro, Postgres and the state upsert', () => {
  it.each([
    ['a:string', 'string', 'text', 'text'],
    ['a:int', 'int', 'integer', 'integer'],
    ['a:long', 'long', 'bigint', 'bigint'],
    ['a:double', 'double', 'double precision', 'double'],
    ['a:boolean', 'boolean', 'boolean', 'boolean'],
    [
      'a:timestamp',
      { type: 'long', logicalType: 'timestamp-millis' },
      'timestamptz',
      'timestamptz',
    ],
    ['a:date', { type: 'int', logicalType: 'date' }, 'date', 'date'],
    ['a:uuid', { type: 'string', logicalType: 'uuid' }, 'uuid', 'uuid'],
    [
      'a:decimal(10,2)',
      { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 },
      'numeric(10,2)',
      'numeric',
    ],
  ])('%s', (spec, avro, postgres, state) => {
    const [field] = parseFields(spec);
    if (field === undefined) throw new Error('no field');
    expect([avroType(field), postgresType(field), stateColumnType(field)]).toEqual([
      avro,
      postgres,
      state,
    ]);
  });

  it('makes an optional field a union with null', () => {
    const [field] = parseFields('note:string?');
    if (field === undefined) throw new Error('no field');
    expect(avroType(field)).toEqual(['null', 'string']);
  });
});
