import { deriveEventId, type InventoryLevelSet } from '@ferry/contracts';
import {
  decideUnknownSchema,
  deliveryProblems,
  UNKNOWN_SCHEMA_RETRY_MS,
  UnknownSchemaIds,
} from './slice-decoder';

const level: InventoryLevelSet = {
  eventId: deriveEventId('wms', 'SKU-1@WH1', 3),
  entityId: 'SKU-1@WH1',
  sourceSystem: 'wms',
  sourceVersion: 3,
  occurredAt: 1_700_000_000_000,
  sku: 'SKU-1',
  location: 'WH1',
  onHand: 10,
  reserved: 2,
  available: 8,
  unit: 'unit',
  inTransit: 0,
  binCode: null,
};

const check = (event: InventoryLevelSet, key: string | null = event.entityId) =>
  deliveryProblems(event, key, 'inventoryLevel', 'InventoryLevelSet');

describe('deliveryProblems', () => {
  it('accepts an event of the owner, keyed by its entity id, within its invariants', () => {
    expect(check(level)).toEqual([]);
  });

  it('refuses an event whose source does not own the entity', () => {
    expect(check({ ...level, sourceSystem: 'erp' })).toEqual([
      'sourceSystem: "erp" does not own inventoryLevel (its owner is wms)',
    ]);
  });

  it('refuses an event whose entity id is not the record key', () => {
    expect(check(level, 'SKU-2@WH1')).toEqual([
      'entityId: "SKU-1@WH1" is not the record key "SKU-2@WH1"',
    ]);
  });

  it('refuses an event without a record key', () => {
    expect(check(level, null)).toEqual(['record key: missing (it must be the entity id)']);
  });

  it('refuses negative quantities, naming each', () => {
    expect(check({ ...level, onHand: -1, reserved: -2, inTransit: -3 })).toEqual([
      'onHand: -1 is below 0',
      'reserved: -2 is below 0',
      'inTransit: -3 is below 0',
    ]);
  });

  it('accepts a quantity of zero', () => {
    expect(check({ ...level, onHand: 0, reserved: 0, available: 0 })).toEqual([]);
  });

  it('refuses an entity id that is not sku@location, even when it is the key', () => {
    expect(check({ ...level, entityId: 'SKU-9@WH1' })).toEqual([
      'entityId: "SKU-9@WH1" is not the sku@location "SKU-1@WH1"',
    ]);
  });
});

const HOLD_MS = 60_000;

describe('decideUnknownSchema', () => {
  it('holds a newly unknown id and asks again soon', () => {
    expect(decideUnknownSchema(1_000, 1_000, HOLD_MS)).toEqual({
      action: 'hold',
      retryAt: 1_000 + UNKNOWN_SCHEMA_RETRY_MS,
      unknownSinceMs: 0,
    });
  });

  it('never waits past the end of the hold', () => {
    expect(decideUnknownSchema(1_000, 59_000, HOLD_MS)).toMatchObject({
      action: 'hold',
      retryAt: 61_000,
    });
  });

  it('dead-letters once the id stayed unknown for the hold time', () => {
    expect(decideUnknownSchema(1_000, 61_000, HOLD_MS)).toEqual({
      action: 'dead-letter',
      unknownForMs: 60_000,
    });
  });

  it('dead-letters at once with a hold time of zero', () => {
    expect(decideUnknownSchema(1_000, 1_000, 0).action).toBe('dead-letter');
  });
});

describe('UnknownSchemaIds', () => {
  it('remembers when an id was first met until it resolves', () => {
    const ids = new UnknownSchemaIds();
    expect(ids.firstSeenAt(7, 100)).toBe(100);
    expect(ids.firstSeenAt(7, 900)).toBe(100);
    expect(ids.count()).toBe(1);
    ids.resolved(7);
    expect(ids.any()).toBe(false);
    expect(ids.firstSeenAt(7, 2_000)).toBe(2_000);
  });
});
