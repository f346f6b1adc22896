import { column, upsertStatement } from './state-upsert';

interface Shipment {
  readonly eventId: string;
  readonly sourceVersion: number;
  readonly shipmentId: string;
  readonly statusAt: number;
}

const spec = {
  table: 'shipments',
  key: { shipment_id: column<Shipment>('text', (e) => e.shipmentId) },
  columns: { status_at: column<Shipment>('timestamptz', (e) => e.statusAt) },
};

describe('upsertStatement', () => {
  it('guards every write by the stored version and writes in key order', () => {
    const sql = upsertStatement(spec);
    expect(sql).toContain('WHERE s.source_version < EXCLUDED.source_version');
    expect(sql).toContain('FROM incoming ORDER BY shipment_id');
    expect(sql).toContain(
      'unnest(string_to_array($1, chr(31), chr(30))::text[], ' +
        'string_to_array($2, chr(31), chr(30))::bigint[], ' +
        'string_to_array($3, chr(31), chr(30))::bigint[], ' +
        "string_to_array($4, chr(31), chr(30))::uuid[], string_to_array($5, ',')::boolean[]) " +
        'WITH ORDINALITY',
    );
    expect(sql).toContain('to_timestamp(status_at / 1000.0)');
    // Stored versions only for keys with several events; results only where outcomes need them.
    expect(sql).toContain('JOIN incoming i USING (shipment_id) WHERE i.several');
    expect(sql).toContain('WHERE i.several OR w.shipment_id IS NULL');
  });

  it('takes the columns it is told to as arrays', () => {
    expect(upsertStatement(spec, new Set([0, 3]))).toContain(
      'unnest($1::text[], string_to_array($2, chr(31), chr(30))::bigint[], ' +
        "string_to_array($3, chr(31), chr(30))::bigint[], $4::uuid[], string_to_array($5, ',')::boolean[]) " +
        'WITH ORDINALITY',
    );
  });

  it('refuses names that are not plain identifiers, and a table without a key', () => {
    expect(() => upsertStatement({ ...spec, table: 'shipments; DROP TABLE x' })).toThrow(
      RangeError,
    );
    expect(() =>
      upsertStatement({ ...spec, columns: { 'status"': column<Shipment>('text', () => '') } }),
    ).toThrow(RangeError);
    expect(() => upsertStatement({ ...spec, key: {} })).toThrow(RangeError);
  });
});
