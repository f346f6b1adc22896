/**
 * Time as Ferry code sees it. Decisions take the time as an argument; whatever waits takes a
 * Clock, so that tests pass one that moves only when told to (ManualClock).
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms);
    }),
};

/** A clock for tests: `sleep` records the wait and moves time on at once; `advance` moves it by hand. */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private at = 0) {}

  now(): number {
    return this.at;
  }

  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.at += ms;
    return Promise.resolve();
  }

  advance(ms: number): void {
    this.at += ms;
  }
}
