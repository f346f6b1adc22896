/**
 * Whether a consumer is a member of its group, and since when it is not. While it is not, its
 * partitions are consumed by no one (or by another instance): starting, rebalancing, or crashed
 * and being restarted. `since` is when it stopped being a member, kept across repeated failures,
 * so that health can say how long the group has been without it.
 */
export type Membership =
  | { readonly member: true; readonly since: number }
  | { readonly member: false; readonly since: number; readonly reason: string };

export function startingMembership(now: number): Membership {
  return { member: false, since: now, reason: 'joining its group' };
}

export function joined(now: number): Membership {
  return { member: true, since: now };
}

/** Pure: out of the group for `reason`; an earlier absence keeps its start. */
export function leftGroup(membership: Membership, now: number, reason: string): Membership {
  return { member: false, since: membership.member ? now : membership.since, reason };
}

/** Pause before the n-th consecutive restart of a consumer (1 s, 2 s, 4 s, … up to 30 s). */
export function restartPauseMs(consecutiveFailures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, Math.min(consecutiveFailures - 1, 5)));
}
