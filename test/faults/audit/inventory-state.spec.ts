import { inventoryLevelSet } from '@ferry/test-support';
import { stateDifferences, type StoredLevel } from './inventory-state';

const level = (sku: string, version: number, onHand: number) =>
  inventoryLevelSet(sku, version, onHand);
const byEntity = (...events: ReturnType<typeof level>[]) =>
  new Map(events.map((event) => [event.entityId, event]));
const byId = (...events: ReturnType<typeof level>[]) =>
  new Map(events.map((event) => [event.eventId, event]));
const stored = (entries: Record<string, StoredLevel>) => new Map(Object.entries(entries));

describe('stateDifferences', () => {
  it('finds nothing when every entity holds its newest acknowledged snapshot', () => {
    expect(
      stateDifferences(
        stored({ 'A@WH1': { version: 3, onHand: 30 } }),
        byEntity(level('A', 3, 30)),
        new Map(),
      ),
    ).toEqual([]);
  });

  it('reports a missing entity, an older version and another quantity', () => {
    expect(
      stateDifferences(
        stored({ 'B@WH1': { version: 2, onHand: 20 }, 'C@WH1': { version: 5, onHand: 7 } }),
        byEntity(level('A', 1, 10), level('B', 3, 30), level('C', 5, 50)),
        new Map(),
      ),
    ).toEqual([
      'A@WH1: expected v1 (10), missing',
      'B@WH1: expected v3 (30), found v2 (20)',
      'C@WH1: expected v5 (50), found v5 (7)',
    ]);
  });

  it('accepts a newer version sent without acknowledgement, and nothing else newer', () => {
    expect(
      stateDifferences(
        stored({ 'A@WH1': { version: 4, onHand: 40 }, 'B@WH1': { version: 9, onHand: 90 } }),
        byEntity(level('A', 3, 30), level('B', 3, 30)),
        byId(level('A', 4, 40)),
      ),
    ).toEqual(['B@WH1: expected v3 (30), found v9 (90): sent by nobody']);
  });

  it('reports a newer version whose quantity is not the one sent without acknowledgement', () => {
    expect(
      stateDifferences(
        stored({ 'A@WH1': { version: 4, onHand: 41 } }),
        byEntity(level('A', 3, 30)),
        byId(level('A', 4, 40)),
      ),
    ).toEqual(['A@WH1: expected v3 (30), found v4 (41): sent by nobody']);
  });

  it('reports an entity nobody sent, and accepts one sent only without acknowledgement', () => {
    expect(
      stateDifferences(
        stored({ 'X@WH1': { version: 1, onHand: 1 }, 'Y@WH1': { version: 1, onHand: 1 } }),
        new Map(),
        byId(level('Y', 1, 1)),
      ),
    ).toEqual(['X@WH1: present, but never sent']);
  });
});
