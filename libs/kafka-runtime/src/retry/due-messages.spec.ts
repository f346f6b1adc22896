import { RetryHeaders } from '../headers';
import { splitDue } from './due-messages';

const at = (iso: string) => Date.parse(iso);
const record = (offset: string, group: string, dueAt: string) => ({
  offset,
  headers: { [RetryHeaders.consumerGroup]: group, [RetryHeaders.dueAt]: dueAt },
});

describe('splitDue', () => {
  const now = at('2026-11-23T12:00:00Z');

  it('takes due records of the group and stops at the first one not due', () => {
    const split = splitDue(
      [
        record('10', 'g', '2026-11-23T11:59:00Z'),
        record('11', 'other', '2026-11-23T13:00:00Z'),
        record('12', 'g', '2026-11-23T12:00:00Z'),
        record('13', 'g', '2026-11-23T12:00:30Z'),
        record('14', 'g', '2026-11-23T11:00:00Z'),
      ],
      'g',
      now,
    );
    expect(split.due.map((r) => r.offset)).toEqual(['10', '12']);
    expect(split.othersCount).toBe(1);
    expect(split.lastTakenOffset).toBe('12');
    expect(split.waitFor).toEqual({ offset: '13', dueAt: at('2026-11-23T12:00:30Z') });
  });

  it('skips records of other groups without waiting for them', () => {
    const split = splitDue([record('1', 'other', '2026-11-23T13:00:00Z')], 'g', now);
    expect(split).toEqual({ due: [], othersCount: 1, lastTakenOffset: '1', waitFor: undefined });
  });
});
