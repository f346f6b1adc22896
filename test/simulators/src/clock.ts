/**
 * The simulators' sense of time. Real time by default; tests freeze it so that many changes share
 * one second (Odoo's write_date has one-second resolution) or move it on explicitly.
 */
export class SimClock {
  private frozenAt: number | undefined;
  private offsetMs = 0;

  /** Unix milliseconds. */
  now(): number {
    return this.frozenAt ?? Date.now() + this.offsetMs;
  }

  /** Stops time at `at` (default: the current simulated time). */
  freeze(at: Date | number = this.now()): void {
    this.frozenAt = typeof at === 'number' ? at : at.getTime();
  }

  /** Moves simulated time forward, frozen or not. */
  advance(ms: number): void {
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  /** Lets time run again from where it stands. */
  resume(): void {
    if (this.frozenAt === undefined) return;
    this.offsetMs = this.frozenAt - Date.now();
    this.frozenAt = undefined;
  }

  get isFrozen(): boolean {
    return this.frozenAt !== undefined;
  }
}
