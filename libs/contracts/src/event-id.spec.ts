import { deriveEventId, uuidV5 } from './event-id';

describe('uuidV5', () => {
  it('matches the RFC 9562 example (DNS namespace, www.example.com)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('deriveEventId', () => {
  it('gives the same id for the same change', () => {
    expect(deriveEventId('wms', 'SKU-1@WH1', 7)).toBe(deriveEventId('wms', 'SKU-1@WH1', 7n));
  });

  it('gives different ids for another version, entity or source', () => {
    const ids = new Set([
      deriveEventId('wms', 'SKU-1@WH1', 7),
      deriveEventId('wms', 'SKU-1@WH1', 8),
      deriveEventId('wms', 'SKU-1@WH2', 7),
      deriveEventId('erp', 'SKU-1@WH1', 7),
    ]);
    expect(ids.size).toBe(4);
  });

  // Computed outside Ferry: Python's uuid.uuid5(UUID('6f1c2d0e-8b5a-4c7e-9d3f-2a4b6c8d0e1f'),
  // f'{system}\x1f{entity}\x1f{version}'); the first also by hand from `openssl sha1`. Ids that
  // changed would break every dedup row and correlation id already written.
  it.each([
    ['wms', 'SKU-1@WH1', 7, '5faa5641-15dc-5a90-8cfc-029d635148ad'],
    ['erp', '4711', 1_700_000_000_000, 'd97fdb55-6532-5f2d-be06-a41ab1c60437'],
    ['storefront', 'WEB-0001', 1, '3e2ffe10-c2ce-5a9b-9da2-1b67c8230ee7'],
    ['wms', 'Säge@Lager', 3, '8de8da31-6003-5885-95b7-db68a30f8372'],
    ['ab', 'c', 1, '7e8316af-735e-5000-884d-55f32eb6bbf4'],
    ['a', 'bc', 1, 'e88d0229-03ea-5efc-a907-e852c236ba6f'],
    ['wms', 'SKU-1', 12, 'ac5e1d2c-93c5-51db-b30c-d16f64a974f0'],
    ['wms', 'SKU-11', 2, '5859c822-8d7c-5f62-8636-ba06531dc6af'],
  ])('derives the known id of (%s, %s, %d)', (system, entity, version, id) => {
    expect(deriveEventId(system, entity, version)).toBe(id);
    expect(deriveEventId(system, entity, BigInt(version))).toBe(id);
  });

  it('keeps the parts apart where their concatenations are the same', () => {
    // 'ab'+'c' and 'a'+'bc' are both 'abc'; 'SKU-1'+'12' and 'SKU-11'+'2' both 'SKU-112'.
    expect(deriveEventId('ab', 'c', 1)).not.toBe(deriveEventId('a', 'bc', 1));
    expect(deriveEventId('wms', 'SKU-1', 12)).not.toBe(deriveEventId('wms', 'SKU-11', 2));
  });

  it('cannot be confused by separators inside the parts', () => {
    expect(deriveEventId('wms', 'a@b', 1)).not.toBe(deriveEventId('wms@a', 'b', 1));
  });
});
