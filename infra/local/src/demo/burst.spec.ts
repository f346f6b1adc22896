import { planBurst, type BurstOptions } from './burst';

const options: BurstOptions = {
  skus: 40,
  locations: ['WH-A', 'WH-B'],
  maxVersionsPerEntity: 4,
  baseVersion: 1000,
  duplicateRate: 0.1,
  outOfOrderRate: 0.2,
  requestSize: 25,
  seed: 7,
};

describe('planBurst', () => {
  const plan = planBurst(options);
  const sent = plan.requests.flat();

  it('is the same for the same seed', () => {
    expect(planBurst(options)).toEqual(plan);
  });

  it('expects the highest version of every entity, whatever the sending order', () => {
    expect(plan.expected.size).toBe(80);
    for (const [key, final] of plan.expected) {
      const versions = sent.filter((s) => `${s.sku}@${s.location}` === key).map((s) => s.version);
      expect(final.version).toBe(Math.max(...versions));
    }
  });

  it('contains the announced duplicates and out-of-order deliveries', () => {
    const ids = sent.map((s) => `${s.sku}@${s.location}#${s.version}`);
    expect(ids.length - new Set(ids).size).toBe(plan.duplicates);
    expect(plan.duplicates).toBeGreaterThan(0);
    expect(plan.outOfOrder).toBeGreaterThan(0);
    expect(sent.length).toBe(plan.snapshots);
  });

  it('keeps requests within the size limit', () => {
    expect(Math.max(...plan.requests.map((r) => r.length))).toBeLessThanOrEqual(25);
  });
});
