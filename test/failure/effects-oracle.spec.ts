import { inventoryLevelSet } from '@ferry/test-support';
import { EffectsOracle } from './effects-oracle';

describe('EffectsOracle', () => {
  it('keeps the newest version of each entity, whatever the order they were sent in', () => {
    const oracle = new EffectsOracle();
    oracle.sent([inventoryLevelSet('A', 2, 20), inventoryLevelSet('B', 1, 10)]);
    oracle.sent([inventoryLevelSet('A', 1, 10), inventoryLevelSet('A', 3, 30)]);
    const newest = oracle.newest();
    expect([...newest.keys()].sort()).toEqual(['A@WH1', 'B@WH1']);
    expect(newest.get('A@WH1')?.onHand).toBe(30);
    expect(newest.get('B@WH1')?.onHand).toBe(10);
  });

  it('lists every distinct event once, a duplicate sent again included once', () => {
    const oracle = new EffectsOracle();
    oracle.sent([inventoryLevelSet('A', 1, 10), inventoryLevelSet('A', 2, 20)]);
    oracle.sent([inventoryLevelSet('A', 1, 10)]);
    expect(oracle.sentEvents().map((event) => event.sourceVersion)).toEqual([1, 2]);
    expect(oracle.sentCount).toBe(3);
  });
});
