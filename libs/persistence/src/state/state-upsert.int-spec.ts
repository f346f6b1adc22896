import { openDatabase, type Database } from '../database';
import { dropSchema } from '../server';
import { column, stateUpsert } from './state-upsert';

interface BinLevel {
  readonly eventId: string;
  readonly sku: string;
  readonly bin: number;
  readonly onHand: string;
  readonly countedAt: number;
  readonly note: string | null;
  readonly sourceVersion: number;
}

let seq = 0;
const level = (sku: string, bin: number, version: number, onHand: string): BinLevel => {
  seq += 1;
  return {
    eventId: `00000000-0000-5000-8000-${seq.toString(16).padStart(12, '0')}`,
    sku,
    bin,
    onHand,
    countedAt: Date.parse('2026-12-01T10:00:00Z') + version * 1000,
    note: version % 2 === 0 ? 'recount' : null,
    sourceVersion: version,
  };
};

// A composite key, a numeric and a timestamp: what a generated projection declares.
const upsertLevels = stateUpsert<BinLevel>({
  table: 'bin_levels',
  key: { sku: column('text', (e) => e.sku), bin: column('integer', (e) => e.bin) },
  columns: {
    on_hand: column('numeric', (e) => e.onHand),
    counted_at: column('timestamptz', (e) => e.countedAt),
    note: column('text', (e) => e.note),
  },
});

describe('stateUpsert (real Postgres)', () => {
  // No @ferry/test-support here: it builds on this library.
  const url = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/ferry';
  const schema = `state_${Date.now().toString(36)}_${process.pid}`;
  let db: Database;

  const row = async (sku: string, bin: number) => {
    const { rows } = await db.query<{
      on_hand: string;
      counted_at: Date;
      note: string | null;
      source_version: string;
    }>(
      'SELECT on_hand, counted_at, note, source_version FROM bin_levels WHERE sku = $1 AND bin = $2',
      [sku, bin],
    );
    return rows[0];
  };
  const apply = (events: BinLevel[]) => db.transaction((tx) => upsertLevels(tx, events));

  beforeAll(async () => {
    db = openDatabase({ url, schema });
    await db.query(`CREATE SCHEMA ${schema}`);
    await db.query(`CREATE TABLE ${schema}.bin_levels (
      sku text NOT NULL, bin integer NOT NULL, on_hand numeric(18,4) NOT NULL,
      counted_at timestamptz NOT NULL, note text,
      source_version bigint NOT NULL, source_event_id uuid NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (sku, bin))`);
  });

  afterAll(async () => {
    await db.close();
    await dropSchema(url, schema);
  });

  it('writes absolute values, the newest version of a batch winning', async () => {
    expect(
      await apply([
        level('A', 1, 1, '10'),
        level('A', 1, 3, '30.5'),
        level('A', 1, 2, '20'),
        level('A', 2, 1, '5'),
      ]),
    ).toEqual({ applied: 2, superseded: 1, stale: 1 });
    expect(await row('A', 1)).toEqual({
      on_hand: '30.5000',
      counted_at: new Date('2026-12-01T10:00:03Z'),
      note: null,
      source_version: '3',
    });
    expect((await row('A', 2))?.on_hand).toBe('5.0000');
  });

  it('ignores an older version after a newer one and leaves the row unchanged', async () => {
    expect(await apply([level('A', 1, 2, '999')])).toEqual({ applied: 0, superseded: 0, stale: 1 });
    expect((await row('A', 1))?.on_hand).toBe('30.5000');
  });

  it('ignores the same version again', async () => {
    expect(await apply([level('A', 1, 3, '999')])).toEqual({ applied: 0, superseded: 0, stale: 1 });
    expect((await row('A', 1))?.on_hand).toBe('30.5000');
  });

  it('tells stale from superseded by the stored version when a key has several events', async () => {
    await apply([level('D', 1, 3, '0')]);
    // Version 2 is older than the stored 3; 4 is newer, but not the newest.
    expect(
      await apply([
        level('D', 1, 2, '1'),
        level('D', 1, 4, '2'),
        level('C', 1, 1, '3'),
        level('D', 1, 5, '4'),
      ]),
    ).toEqual({ applied: 2, superseded: 1, stale: 1 });
    expect((await row('D', 1))?.source_version).toBe('5');
    expect((await row('C', 1))?.on_hand).toBe('3.0000');
  });

  it('replaces every column with a newer version, never adding to it', async () => {
    expect(await apply([level('A', 1, 4, '7')])).toEqual({ applied: 1, superseded: 0, stale: 0 });
    expect(await row('A', 1)).toMatchObject({
      on_hand: '7.0000',
      note: 'recount',
      source_version: '4',
    });
  });

  it('tells keys apart by every key column', async () => {
    expect(await apply([level('A', 3, 1, '1'), level('B', 1, 1, '2')])).toEqual({
      applied: 2,
      superseded: 0,
      stale: 0,
    });
    expect((await row('A', 3))?.on_hand).toBe('1.0000');
    expect((await row('B', 1))?.on_hand).toBe('2.0000');
  });

  it('stores text as it was given: separators, the null mark, empty text, null', async () => {
    const notes = ['a\u001fb', '\u001e', '', null];
    // Each in a batch of its own (beside a plain row): one such value changes how its column travels.
    for (const [i, note] of notes.entries()) {
      const batch = [
        { ...level('T', i, 5, '1'), note },
        { ...level('P', i, 5, '1'), note: 'x' },
      ];
      expect(await apply(batch)).toEqual({ applied: 2, superseded: 0, stale: 0 });
      expect((await row('T', i))?.note).toBe(note);
      expect((await row('P', i))?.note).toBe('x');
    }
    // One row alone: its empty text is still an empty text, and its key text still its key.
    expect(await apply([{ ...level('', 9, 5, '3'), note: '' }])).toEqual({
      applied: 1,
      superseded: 0,
      stale: 0,
    });
    expect(await row('', 9)).toMatchObject({ note: '', on_hand: '3.0000' });
    expect(await apply([{ ...level('U', 1, 5, '4'), note: null }])).toEqual({
      applied: 1,
      superseded: 0,
      stale: 0,
    });
    expect((await row('U', 1))?.note).toBeNull();
  });
});
