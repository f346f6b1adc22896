import { eventAgeSeconds } from './apply-metrics';

describe('eventAgeSeconds', () => {
  it('is the time from the envelope’s occurredAt to now, in seconds', () => {
    const occurredAt = Date.parse('2026-11-29T10:00:00.000Z');
    expect(eventAgeSeconds(occurredAt, occurredAt + 90_250)).toBe(90.25);
  });

  it('counts an event stamped ahead of this clock as age 0', () => {
    expect(eventAgeSeconds(10_000, 9_000)).toBe(0);
  });
});
