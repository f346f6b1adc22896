import { deriveEventId } from '@ferry/contracts';
import { parseSnapshots, SnapshotValidationError, toInventoryLevelSet } from './inventory-snapshot';

const snapshot = { sku: 'SKU-1', location: 'WH1', onHand: 42, reserved: 2, version: 7 };

function problemsOf(body: unknown, max = 10): readonly string[] {
  try {
    parseSnapshots(body, max);
  } catch (error) {
    if (error instanceof SnapshotValidationError) return error.problems;
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('parseSnapshots', () => {
  it('reads one snapshot and fills defaults', () => {
    expect(parseSnapshots(snapshot, 10)).toEqual([{ ...snapshot, unit: 'unit', inTransit: 0 }]);
  });

  it('reads a batch', () => {
    expect(parseSnapshots({ snapshots: [snapshot, { ...snapshot, version: 8 }] }, 10)).toHaveLength(
      2,
    );
  });

  it('names the bad field inside a batch', () => {
    expect(problemsOf({ snapshots: [snapshot, { ...snapshot, onHand: -1 }] })).toEqual([
      'snapshots[1].onHand: must not be negative',
    ]);
  });

  it('rejects a delta-looking or fractional quantity', () => {
    expect(problemsOf({ ...snapshot, onHand: 1.5 })).toEqual(['onHand: must be an integer']);
  });

  it('rejects unknown fields instead of dropping them', () => {
    expect(problemsOf({ ...snapshot, delta: 3 })[0]).toMatch(/delta/);
  });

  it('rejects a missing version', () => {
    const { version: _omitted, ...noVersion } = snapshot;
    expect(problemsOf(noVersion)).toEqual(['version: is required']);
  });

  it('caps the batch size', () => {
    expect(problemsOf({ snapshots: [snapshot, snapshot, snapshot] }, 2)).toEqual([
      'snapshots: must hold at most 2 snapshots',
    ]);
  });

  it.each(['sku', 'location', 'unit', 'binCode'])(
    'refuses U+0000 in %s, which Postgres cannot store',
    (field) => {
      expect(problemsOf({ ...snapshot, [field]: 'A\u0000B' })).toEqual([
        `${field}: must not contain U+0000 (NUL)`,
      ]);
    },
  );

  it('refuses a lone surrogate, which UTF-8 cannot carry', () => {
    expect(problemsOf({ snapshots: [snapshot, { ...snapshot, sku: 'SKU-\udc00' }] })).toEqual([
      'snapshots[1].sku: must be well-formed Unicode (holds a lone surrogate)',
    ]);
  });

  it('refuses integers an Avro long does not hold, and takes the largest it does', () => {
    const tooLarge = Number.MAX_SAFE_INTEGER;
    for (const field of ['onHand', 'reserved', 'inTransit', 'version', 'available'])
      expect(problemsOf({ ...snapshot, [field]: tooLarge })).toEqual([
        `${field}: must be at most ${tooLarge - 1}`,
      ]);
    expect(problemsOf({ ...snapshot, available: -tooLarge })).toEqual([
      `available: must be at least -${tooLarge - 1}`,
    ]);
    expect(parseSnapshots({ ...snapshot, version: tooLarge - 1 }, 10)).toHaveLength(1);
  });

  it('rejects a body that is not an object', () => {
    expect(problemsOf('SKU-1=42')[0]).toMatch(/^\(body\): /);
  });
});

describe('toInventoryLevelSet', () => {
  it('carries absolute values under a deterministic event id keyed by sku@location', () => {
    const event = toInventoryLevelSet(
      { ...snapshot, unit: 'unit', inTransit: 0, recordedAt: '2026-11-23T10:00:00Z' },
      new Date(0),
    );
    expect(event).toEqual({
      eventId: deriveEventId('wms', 'SKU-1@WH1', 7),
      entityId: 'SKU-1@WH1',
      sourceSystem: 'wms',
      sourceVersion: 7,
      occurredAt: Date.parse('2026-11-23T10:00:00Z'),
      sku: 'SKU-1',
      location: 'WH1',
      onHand: 42,
      reserved: 2,
      available: 40,
      unit: 'unit',
      inTransit: 0,
      binCode: null,
    });
  });
});
