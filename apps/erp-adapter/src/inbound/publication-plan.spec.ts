import { deriveEventId, type EventEnvelope } from '@ferry/contracts';
import { fingerprintOf, planPublication, stateKey, type PublishedState } from './publication-plan';

interface OrderState extends EventEnvelope {
  readonly state: string;
}

const second = Date.parse('2026-11-27T10:00:00Z');

function order(state: string, version = second, entityId = 'PO-7'): OrderState {
  return {
    eventId: deriveEventId('erp', entityId, version),
    entityId,
    sourceSystem: 'erp',
    sourceVersion: version,
    occurredAt: version,
    state,
  };
}

function published(entries: [OrderState, number][]): Map<string, PublishedState> {
  return new Map(
    entries.map(([event, version]) => [
      stateKey(event.entityId, second),
      { sourceVersion: version, fingerprint: fingerprintOf(event) },
    ]),
  );
}

describe('planPublication', () => {
  it('publishes a state not yet published for its second as it was read', () => {
    const draft = order('draft');
    const plan = planPublication([draft], new Map());
    expect(plan.publish).toEqual([{ event: draft, fingerprint: fingerprintOf(draft) }]);
    expect(plan.alreadyPublished).toBe(0);
  });

  it('does not publish the newest published state again', () => {
    const draft = order('draft');
    const plan = planPublication([draft, draft], published([[draft, second]]));
    expect(plan.publish).toEqual([]);
    expect(plan.alreadyPublished).toBe(2);
  });

  it('publishes a later state of the same second as its next millisecond, with that id', () => {
    const plan = planPublication([order('purchase')], published([[order('draft'), second]]));
    expect(
      plan.publish.map(({ event }) => [event.state, event.sourceVersion, event.eventId]),
    ).toEqual([['purchase', second + 1, deriveEventId('erp', 'PO-7', second + 1)]]);
    expect(plan.publish[0]?.event.occurredAt).toBe(second);
  });

  it('counts states within one call in order', () => {
    const plan = planPublication(
      [order('draft'), order('sent'), order('sent'), order('purchase')],
      new Map(),
    );
    expect(plan.publish.map(({ event }) => [event.state, event.sourceVersion - second])).toEqual([
      ['draft', 0],
      ['sent', 1],
      ['purchase', 2],
    ]);
    expect(plan.alreadyPublished).toBe(1);
  });

  it('keeps seconds and entities apart', () => {
    const plan = planPublication(
      [order('purchase', second + 1000), order('purchase', second, 'PO-8')],
      published([[order('draft'), second]]),
    );
    expect(plan.publish.map(({ event }) => [event.entityId, event.sourceVersion - second])).toEqual(
      [
        ['PO-7', 1000],
        ['PO-8', 0],
      ],
    );
  });

  it('takes a row recorded before fingerprints were kept as the state it was', () => {
    const legacy = new Map([
      [stateKey('PO-7', second), { sourceVersion: second, fingerprint: null }],
    ]);
    const plan = planPublication([order('purchase')], legacy);
    expect(plan.publish).toEqual([]);
    expect(plan.alreadyPublished).toBe(1);
  });

  it('refuses a state once the second has no millisecond left', () => {
    const plan = planPublication([order('cancel')], published([[order('draft'), second + 999]]));
    expect(plan.publish).toEqual([]);
    expect(plan.exhausted.map((event) => event.state)).toEqual(['cancel']);
  });
});
