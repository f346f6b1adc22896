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
    expect(sql).toContain('unnest($1::text[], $2::bigint[], $3::bigint[], $4::uuid[])');
    expect(sql).toContain('to_timestamp(status_at / 1000.0)');
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
