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
