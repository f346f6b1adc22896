import { joined, leftGroup, restartPauseMs, startingMembership } from './membership';

describe('membership', () => {
  it('starts out of the group, joining', () => {
    expect(startingMembership(5)).toEqual({ member: false, since: 5, reason: 'joining its group' });
  });

  it('counts an absence from when the member left', () => {
    expect(leftGroup(joined(100), 700, 'rebalancing')).toEqual({
      member: false,
      since: 700,
      reason: 'rebalancing',
    });
  });

  it('keeps the start of an absence through later failures, with the newest reason', () => {
    const crashed = leftGroup(joined(100), 700, 'crashed: a');
    expect(leftGroup(crashed, 9_000, 'restart failed: b')).toEqual({
      member: false,
      since: 700,
      reason: 'restart failed: b',
    });
  });

  it('is a member again from the join on', () => {
    expect(joined(9_500)).toEqual({ member: true, since: 9_500 });
  });
});

describe('restartPauseMs', () => {
  it('doubles from one second and stops at thirty', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(restartPauseMs)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
});
