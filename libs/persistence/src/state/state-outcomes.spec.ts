import { classifyStateOutcomes, newestPerKey, type KeyResult } from './state-outcomes';

/** A stock level as the state helpers see it: its version, and the fields of its key. */
const level = (sku: string, sourceVersion: number, onHand: number) => ({
  sku,
  location: 'WH1',
  onHand,
  sourceVersion,
});
type Level = ReturnType<typeof level>;
const keyOf = (event: Level) => `${event.sku}@${event.location}`;
const newestPerEntity = (events: readonly Level[]) => newestPerKey(events, keyOf);
const classifyOutcomes = (events: readonly Level[], results: ReadonlyMap<string, KeyResult>) =>
  classifyStateOutcomes(events, results, keyOf);

const written = (previousVersion?: number): KeyResult => ({ previousVersion, written: true });
const kept = (previousVersion: number): KeyResult => ({ previousVersion, written: false });

describe('newestPerEntity', () => {
  it('keeps one event per entity: the highest version, wherever it arrived', () => {
    const batch = [level('A', 1, 10), level('B', 5, 50), level('A', 3, 30), level('A', 2, 20)];
    expect(newestPerEntity(batch)).toEqual([level('A', 3, 30), level('B', 5, 50)]);
  });
});

describe('classifyOutcomes', () => {
  it('applies the newest and counts the in-order older ones as superseded', () => {
    const batch = [level('A', 1, 10), level('A', 2, 20)];
    expect(classifyOutcomes(batch, new Map([['A@WH1', written(undefined)]]))).toEqual({
      applied: 1,
      superseded: 1,
      stale: 0,
    });
  });

  it('ignores an older version that arrives after a newer one in the batch', () => {
    const batch = [level('A', 2, 20), level('A', 1, 10)];
    expect(classifyOutcomes(batch, new Map([['A@WH1', written(undefined)]]))).toEqual({
      applied: 1,
      superseded: 0,
      stale: 1,
    });
  });

  it('ignores events older than the stored version', () => {
    const batch = [level('A', 3, 30), level('A', 4, 40)];
    expect(classifyOutcomes(batch, new Map([['A@WH1', kept(5)]]))).toEqual({
      applied: 0,
      superseded: 0,
      stale: 2,
    });
  });

  it('treats an event older than the stored row as stale even when a newer one of the batch wins', () => {
    const batch = [level('A', 3, 30), level('A', 7, 70)];
    expect(classifyOutcomes(batch, new Map([['A@WH1', written(5)]]))).toEqual({
      applied: 1,
      superseded: 0,
      stale: 1,
    });
  });

  it('counts the winner as stale when a concurrent writer stored a newer version first', () => {
    expect(classifyOutcomes([level('A', 7, 70)], new Map([['A@WH1', kept(5)]]))).toEqual({
      applied: 0,
      superseded: 0,
      stale: 1,
    });
  });
});
