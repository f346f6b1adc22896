import { catalogGroups } from './catalog-groups';

describe('catalogGroups', () => {
  it("lists each service's default group with its topic and the topic's retry tiers", () => {
    expect(catalogGroups([30_000, 120_000])).toContainEqual({
      group: 'ferry.inventory-projector',
      topics: [
        'ferry.inventory.levels',
        'ferry.inventory.levels.retry.30s',
        'ferry.inventory.levels.retry.2m',
      ],
    });
  });

  it('reads no dead-letter topic: no group consumes one', () => {
    const topics = catalogGroups().flatMap((group) => group.topics);
    expect(topics.filter((topic) => topic.endsWith('.dlq'))).toEqual([]);
  });
});
