import { BadRequestException } from '@nestjs/common';
import { deriveEventId, InventoryLevelSetContract, type InventoryLevelSet } from '@ferry/contracts';
import { refuseUnlessValidEvents } from './contract-check';

const level = (sku: string, onHand: number): InventoryLevelSet => ({
  eventId: deriveEventId('wms', `${sku}@WH1`, 1),
  entityId: `${sku}@WH1`,
  sourceSystem: 'wms',
  sourceVersion: 1,
  occurredAt: 0,
  sku,
  location: 'WH1',
  onHand,
  reserved: 0,
  available: onHand,
  unit: 'unit',
  inTransit: 0,
  binCode: null,
});

const what = { error: 'invalid_snapshot', noun: 'inventory snapshot' };

function answerOf(check: () => void): unknown {
  try {
    check();
  } catch (error: unknown) {
    if (error instanceof BadRequestException) return [error.getStatus(), error.getResponse()];
    throw error;
  }
  return 'accepted';
}

describe('events checked before publishing', () => {
  it('lets valid events through', () => {
    expect(
      answerOf(() => {
        refuseUnlessValidEvents(InventoryLevelSetContract, [level('A', 1)], what);
      }),
    ).toBe('accepted');
  });

  it('answers 400 naming the event field of a single item', () => {
    const events = [{ ...level('A', 1), available: Number.MAX_SAFE_INTEGER }];
    expect(
      answerOf(() => {
        refuseUnlessValidEvents(InventoryLevelSetContract, events, what);
      }),
    ).toEqual([
      400,
      expect.objectContaining({
        error: 'invalid_snapshot',
        problems: [
          'available: 9007199254740991 is not a long (an integer within ±9007199254740990)',
        ],
      }),
    ]);
  });

  it('names the item of a batch and every bad event', () => {
    const events = [level('A', 1), level('B\u0000', 1), { ...level('C', 1), unit: '\ud800' }];
    const answer = answerOf(() => {
      refuseUnlessValidEvents(InventoryLevelSetContract, events, {
        ...what,
        batchField: 'snapshots',
      });
    });
    expect(answer).toEqual([
      400,
      expect.objectContaining({
        problems: [
          'snapshots[1].entityId: must not contain U+0000 (NUL)',
          'snapshots[1].sku: must not contain U+0000 (NUL)',
          'snapshots[2].unit: must be well-formed Unicode (holds a lone surrogate)',
        ],
      }),
    ]);
  });

  it("refuses an event that breaks its type's invariants, as the publisher would", () => {
    const events = [{ ...level('A', 1), entityId: 'B@WH1' }];
    expect(
      answerOf(() => {
        refuseUnlessValidEvents(InventoryLevelSetContract, events, what);
      }),
    ).toEqual([400, expect.objectContaining({ problems: [expect.stringMatching(/^entityId: /)] })]);
  });
});
