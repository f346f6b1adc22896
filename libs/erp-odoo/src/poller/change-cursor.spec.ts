import { changedAfterDomain, cursorAfter, settleBound } from './change-cursor';

describe('changedAfterDomain', () => {
  it('reads everything up to the settle bound when there is no cursor yet', () => {
    expect(changedAfterDomain(undefined, '2026-03-01 10:00:00')).toEqual([
      ['write_date', '<', '2026-03-01 10:00:00'],
    ]);
  });

  it('starts strictly after (write_date, id), breaking write_date ties by id', () => {
    expect(
      changedAfterDomain({ writeDate: '2026-03-01 09:00:00', id: 17 }, undefined, [
        ['move_type', 'in', ['out_invoice']],
      ]),
    ).toEqual([
      '|',
      ['write_date', '>', '2026-03-01 09:00:00'],
      '&',
      ['write_date', '=', '2026-03-01 09:00:00'],
      ['id', '>', 17],
      ['move_type', 'in', ['out_invoice']],
    ]);
  });
});

describe('cursorAfter', () => {
  it('moves to the last record of the page', () => {
    const rows = [
      { id: 3, write_date: '2026-03-01 09:00:00' },
      { id: 9, write_date: '2026-03-01 09:00:00' },
    ];
    expect(cursorAfter(undefined, rows)).toEqual({ writeDate: '2026-03-01 09:00:00', id: 9 });
  });

  it('stays where it was after an empty page', () => {
    const cursor = { writeDate: '2026-03-01 09:00:00', id: 9 };
    expect(cursorAfter(cursor, [])).toBe(cursor);
  });
});

describe('settleBound', () => {
  it('leaves the last settleMs of changes for the next poll', () => {
    expect(settleBound(Date.parse('2026-03-01T10:01:00.900Z'), 60_000)).toBe('2026-03-01 10:00:00');
  });

  it('has no bound when the window is zero', () => {
    expect(settleBound(0, 0)).toBeUndefined();
  });
});
