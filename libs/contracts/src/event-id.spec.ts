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

  it('cannot be confused by separators inside the parts', () => {
    expect(deriveEventId('wms', 'a@b', 1)).not.toBe(deriveEventId('wms@a', 'b', 1));
  });
});
