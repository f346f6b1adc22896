import type { EventEnvelope } from '@ferry/contracts';
import { renderMetrics } from '@ferry/observability';
import type { Database } from '@ferry/persistence';
import { sampleValue } from '@ferry/test-support';
import { AppliedAges } from './applied-ages';
import type { ConsumedEvent } from './consumed-event';

/** Commits when `work` resolves, rolls back when it throws, like the real one; no SQL is run. */
function transactionsOnly(): Database {
  const query = () => Promise.resolve({ rows: [], rowCount: 0 });
  return {
    query,
    transaction: (work) => work({ query }),
    ping: () => Promise.resolve(),
    close: () => Promise.resolve(),
    poolSize: 10,
  };
}

const NOW = Date.parse('2026-11-29T12:00:00Z');

function event(ageSeconds: number): ConsumedEvent<EventEnvelope> {
  return {
    value: {
      eventId: `e-${ageSeconds}`,
      entityId: 'x',
      sourceSystem: 'wms',
      sourceVersion: 1,
      occurredAt: NOW - ageSeconds * 1000,
    },
    key: 'x',
    topic: 't',
    partition: 0,
    offset: '0',
    timestamp: NOW,
    headers: {},
  };
}

async function ages(group: string) {
  const text = (await renderMetrics()).body;
  return {
    count: sampleValue(text, 'ferry_event_age_at_apply_seconds_count', { group }),
    sum: sampleValue(text, 'ferry_event_age_at_apply_seconds_sum', { group }),
  };
}

describe('AppliedAges', () => {
  it('observes the events a transaction applied once it committed', async () => {
    const applied = new AppliedAges(
      transactionsOnly(),
      { group: 'g.commit', topic: 't' },
      () => NOW,
    );
    await applied.transaction((tx) => {
      applied.applied(tx, [event(30), event(90)]);
      return Promise.resolve();
    });
    expect(await ages('g.commit')).toEqual({ count: 2, sum: 120 });
  });

  it('observes nothing of a transaction that rolled back', async () => {
    const applied = new AppliedAges(
      transactionsOnly(),
      { group: 'g.rollback', topic: 't' },
      () => NOW,
    );
    await expect(
      applied.transaction((tx) => {
        applied.applied(tx, [event(30)]);
        return Promise.reject(new Error('deadlock'));
      }),
    ).rejects.toThrow('deadlock');
    expect(await ages('g.rollback')).toEqual({ count: 0, sum: 0 });
  });

  it('observes the transactions of its database view too (releases of parked events)', async () => {
    const applied = new AppliedAges(
      transactionsOnly(),
      { group: 'g.release', topic: 't' },
      () => NOW,
    );
    await applied.observedDatabase().transaction((tx) => {
      applied.applied(tx, [event(600)]);
      return Promise.resolve();
    });
    expect(await ages('g.release')).toEqual({ count: 1, sum: 600 });
  });

  it('ignores events noted in a transaction it did not run', async () => {
    const database = transactionsOnly();
    const applied = new AppliedAges(database, { group: 'g.foreign', topic: 't' }, () => NOW);
    await database.transaction((tx) => {
      applied.applied(tx, [event(5)]);
      return Promise.resolve();
    });
    expect(await ages('g.foreign')).toEqual({ count: 0, sum: 0 });
  });
});
