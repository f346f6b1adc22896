import { newestVersions, planWorkload, projectionMismatches } from './workload';

const options = { events: 5_000, keys: 200, seed: 7, endsAtMs: 1_800_000_000_000 };

describe('planWorkload', () => {
  it('gives the same events for the same seed and other events for another', () => {
    expect(planWorkload(options)).toEqual(planWorkload(options));
    expect(planWorkload({ ...options, seed: 8 })).not.toEqual(planWorkload(options));
  });

  it('raises each key’s version by one in stream order', () => {
    const last = new Map<string, number>();
    for (const event of planWorkload(options)) {
      expect(event.sourceVersion).toBe((last.get(event.entityId) ?? 0) + 1);
      last.set(event.entityId, event.sourceVersion);
    }
    expect(last.size).toBeLessThanOrEqual(options.keys);
    expect(last.size).toBeGreaterThan(options.keys * 0.9);
  });

  it('ends at endsAtMs, one millisecond apart, so the broker keeps the records', () => {
    const events = planWorkload(options);
    expect(events.at(-1)?.occurredAt).toBe(options.endsAtMs - 1);
    expect(events[0]?.occurredAt).toBe(options.endsAtMs - options.events);
  });

  it('gives every event its own id', () => {
    const events = planWorkload(options);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  });
});

describe('projectionMismatches', () => {
  const expected = new Map([
    ['A@WH', 3],
    ['B@WH', 1],
  ]);

  it('finds nothing when every key holds its newest version', () => {
    expect(projectionMismatches(expected, new Map(expected))).toEqual([]);
  });

  it('names keys with an older version, missing keys and keys nobody sent', () => {
    const stored = new Map([
      ['A@WH', 2],
      ['C@WH', 1],
    ]);
    expect(projectionMismatches(expected, stored)).toEqual(['A@WH', 'B@WH', 'C@WH']);
  });

  it('expects the highest version of each key', () => {
    const events = planWorkload({ ...options, events: 1_000, keys: 10 });
    const newest = newestVersions(events);
    const counts = new Map<string, number>();
    for (const e of events) counts.set(e.entityId, (counts.get(e.entityId) ?? 0) + 1);
    expect(newest).toEqual(counts);
  });
});
