import { groupStateOf, lagSecondsOf, partitionLagOf } from './group-lag';

const offsets = (low: number, high: number) => ({
  partition: 2,
  low: String(low),
  high: String(high),
});

describe('partitionLagOf', () => {
  it('is the log end offset minus the committed offset, as Kafka counts it', () => {
    expect(partitionLagOf('t', offsets(0, 1000), 400n)).toEqual({
      topic: 't',
      partition: 2,
      logEndOffset: 1000n,
      committedOffset: 400n,
      lagRecords: 600,
      firstUnconsumedOffset: 400n,
    });
  });

  it('has nothing unconsumed when the group committed the end', () => {
    const lag = partitionLagOf('t', offsets(10, 1000), 1000n);
    expect([lag.lagRecords, lag.firstUnconsumedOffset]).toEqual([0, undefined]);
  });

  it('counts from the earliest offset kept where the group committed nothing', () => {
    const lag = partitionLagOf('t', offsets(250, 1000), undefined);
    expect([lag.committedOffset, lag.lagRecords, lag.firstUnconsumedOffset]).toEqual([
      undefined,
      750,
      250n,
    ]);
  });

  it('counts from the commit but waits on the earliest record when retention removed the ones after it', () => {
    const lag = partitionLagOf('t', offsets(500, 1000), 100n);
    expect([lag.lagRecords, lag.firstUnconsumedOffset]).toEqual([900, 500n]);
  });

  it('reports an empty partition without lag', () => {
    expect(partitionLagOf('t', offsets(0, 0), undefined).lagRecords).toBe(0);
  });
});

describe('lagSecondsOf', () => {
  const waiting = partitionLagOf('t', offsets(0, 10), 3n);

  it('is the age of the first unconsumed record', () => {
    expect(lagSecondsOf(waiting, 1_000, 61_500)).toBe(60.5);
  });

  it('is 0 without lag, whatever the timestamp', () => {
    expect(lagSecondsOf(partitionLagOf('t', offsets(0, 10), 10n), undefined, 5_000)).toBe(0);
  });

  it('is unknown when the record could not be read', () => {
    expect(lagSecondsOf(waiting, undefined, 5_000)).toBeUndefined();
  });

  it('is never negative when the producer clock is ahead', () => {
    expect(lagSecondsOf(waiting, 10_000, 5_000)).toBe(0);
  });
});

describe('groupStateOf', () => {
  it('keeps the states Kafka defines and calls anything else Unknown', () => {
    expect([groupStateOf('Empty'), groupStateOf('Assigning')]).toEqual(['Empty', 'Unknown']);
  });
});
