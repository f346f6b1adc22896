import type { Answer } from '../send/answer';
import type { RequestRecord } from '../send/send-plan';
import { unsettledEvents } from './event-findings';
import type { SystemObservations } from './observations';
import type { ProjectedRows } from './system-state';
import { judge } from './verdict';

function record(
  overrides: Omit<Partial<RequestRecord>, 'answer'> & { answer: Partial<Answer> },
): RequestRecord {
  return {
    caseIndex: 1,
    step: 'first',
    endpoint: 'inventory-single',
    generator: 'valid',
    target: '',
    sample: '{}',
    ...overrides,
    answer: { status: 202, events: [], replayed: false, ms: 1, ...overrides.answer },
  };
}

const rows = (entries: readonly [string, number, string][]): ProjectedRows => ({
  versionByEntity: new Map(entries.map(([entity, version]) => [entity, BigInt(version)])),
  entityByEvent: new Map(entries.map(([entity, , eventId]) => [eventId, entity])),
});

const none = { inventory: [], goodsReceipts: [], shipmentStatus: [], salesOrders: [] };
const clean: SystemObservations = {
  published: none,
  deadLetters: { ...none, purchaseOrders: [], invoices: [] },
  projections: { inventory: rows([]), shipments: rows([]) },
  pendingKeys: [],
};
const level = (eventId: string, entityId: string, sourceVersion: number) =>
  record({ answer: { events: [{ eventId, entityId, sourceVersion }] } });
const published = (...ids: string[]) =>
  ids.map((eventId) => ({ eventId, key: 'k', error: undefined }));

describe('judge', () => {
  it('passes a run where every request was refused as documented or fully processed', () => {
    const verdict = judge(
      [
        level('e1', 'A@W', 2),
        record({ answer: { status: 400, error: 'invalid_snapshot' } }),
        record({ endpoint: 'odoo-webhook', answer: { status: 200 } }),
      ],
      {
        ...clean,
        published: { ...none, inventory: published('e1') },
        projections: { ...clean.projections, inventory: rows([['A@W', 2, 'e1']]) },
      },
    );
    expect(verdict.findings).toEqual([]);
    expect(verdict.passed).toBe(true);
    expect(verdict.figures[0]).toMatchObject({
      requests: 2,
      success: 1,
      refusedByError: { '400 invalid_snapshot': 1 },
      acceptedThenFailed: 0,
    });
    expect(verdict.figures.find((row) => row.endpoint === 'orders')?.acceptedThenFailed).toBeNull();
  });

  it('counts 5xx and unanswered requests', () => {
    const verdict = judge(
      [
        record({ answer: { status: 500, error: 'internal' } }),
        record({ answer: { status: null } }),
      ],
      clean,
    );
    expect(verdict.broken['no-5xx']).toBe(2);
    expect(verdict.figures[0]).toMatchObject({ serverErrors: 1, unanswered: 1 });
    expect(verdict.passed).toBe(false);
  });

  it('calls an undocumented error code, a generic 400 and a wrong documented answer off contract', () => {
    const verdict = judge(
      [
        record({ answer: { status: 400, error: 'Bad Request' } }),
        record({ answer: { status: 400 } }),
        record({
          expected: { status: 401, error: 'unsigned' },
          endpoint: 'odoo-webhook',
          answer: { status: 400, error: 'malformed_json' },
        }),
        record({ answer: { status: 201 } }),
      ],
      clean,
    );
    expect(verdict.broken['documented-refusals']).toBe(4);
  });

  it('calls a replay that names another order off contract', () => {
    const verdict = judge(
      [
        record({ endpoint: 'orders', answer: { eventId: 'o1' } }),
        record({
          endpoint: 'orders',
          step: 'new-key-same-order',
          expected: { status: 202 },
          answer: { eventId: 'o2' },
        }),
      ],
      { ...clean, published: { ...none, salesOrders: published('o1', 'o2') } },
    );
    expect(verdict.broken['documented-refusals']).toBe(1);
  });

  it('finds accepted events dead-lettered, missing, re-keyed, or behind in their projection', () => {
    const verdict = judge(
      [
        level('dead', 'A@W', 1),
        level('missing', 'B@W', 1),
        level('rekeyed', 'C\ud800@W', 1),
        level('behind', 'D@W', 5),
        level('superseded', 'E@W', 1),
      ],
      {
        ...clean,
        published: {
          ...none,
          inventory: published('dead', 'missing', 'rekeyed', 'behind', 'superseded'),
        },
        deadLetters: {
          ...clean.deadLetters,
          inventory: [{ eventId: 'dead', key: 'A@W', error: 'NUL' }],
        },
        projections: {
          ...clean.projections,
          inventory: rows([
            ['C\ufffd@W', 1, 'rekeyed'],
            ['D@W', 4, 'older'],
            ['E@W', 3, 'newer'],
          ]),
        },
      },
    );
    const details = verdict.findings.map((finding) => finding.detail);
    expect(details).toEqual([
      expect.stringContaining('dead-lettered: NUL'),
      expect.stringContaining('missing from the projection'),
      expect.stringContaining('stored under another key'),
      expect.stringContaining('older version (4)'),
    ]);
    expect(verdict.figures[0]?.acceptedThenFailed).toBe(4);
  });

  it('counts what a webhook published into a DLQ even without an answer naming it', () => {
    const verdict = judge([], {
      ...clean,
      deadLetters: {
        ...clean.deadLetters,
        purchaseOrders: [{ eventId: 'p1', key: '1', error: 'WMS refused' }],
      },
    });
    expect(verdict.figures.find((row) => row.endpoint === 'odoo-webhook')?.acceptedThenFailed).toBe(
      1,
    );
  });

  it('finds events published for refused requests, orders published twice and pending keys', () => {
    const verdict = judge(
      [
        record({
          caseIndex: 12,
          endpoint: 'inventory-batch',
          answer: { status: 400, error: 'invalid_snapshot' },
        }),
        record({ endpoint: 'orders', answer: { status: 500 } }),
      ],
      {
        ...clean,
        published: {
          ...none,
          inventory: [{ eventId: 'x', key: 'SKU-12-A@W', error: undefined }],
          salesOrders: published('o1', 'o1'),
        },
        pendingKeys: ['fz-2-a'],
      },
    );
    expect(verdict.broken).toMatchObject({
      'published-only-when-accepted': 2,
      'orders-published-once': 1,
      'no-pending-keys': 1,
    });
    expect(
      verdict.figures.find((row) => row.endpoint === 'inventory-batch')?.publishedUnanswered,
    ).toBe(1);
  });
});

describe('unsettledEvents', () => {
  it('counts accepted events neither projected nor dead-lettered', () => {
    const records = [level('a', 'A@W', 1), level('b', 'B@W', 1), level('c', 'C@W', 1)];
    const observations: SystemObservations = {
      ...clean,
      deadLetters: { ...clean.deadLetters, inventory: [{ eventId: 'b', key: 'B@W', error: 'x' }] },
      projections: { ...clean.projections, inventory: rows([['A@W', 1, 'a']]) },
    };
    expect(unsettledEvents(records, observations)).toBe(1);
  });
});
