import { parseConsumerSummary, parseProducerSummary } from './kafka-perf-tools';

// Lines as Kafka 4.1.2's tools printed them on this machine.
describe("Kafka's perf tools' summaries", () => {
  it("reads ProducerPerformance's last line, not its progress lines", () => {
    const output = [
      '112345 records sent, 22469.0 records/sec (6.43 MB/sec), 40.1 ms avg latency, 400.0 ms max latency.',
      '200000 records sent, 22123.9 records/sec (6.33 MB/sec), 44.66 ms avg latency, 440.00 ms max latency, 43 ms 50th, 71 ms 95th, 80 ms 99th, 83 ms 99.9th.',
    ].join('\n');
    expect(parseProducerSummary(output)).toMatchObject({
      records: 200_000,
      recordsPerSecond: 22_123.9,
    });
  });

  it("reads ConsumerPerformance's records and fetch time by the header's names", () => {
    const output = [
      'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec',
      '2026-12-07 23:42:19:293, 2026-12-07 23:42:20:053, 5.7220, 7.5290, 20000, 26315.7895, 470, 290, 19.7312, 68965.5172',
    ].join('\n');
    expect(parseConsumerSummary(output)).toMatchObject({ records: 20_000, fetchSeconds: 0.29 });
  });

  it('says so when a tool printed no summary', () => {
    expect(() => parseProducerSummary('WARN nothing')).toThrow(/no ProducerPerformance summary/);
    expect(() => parseConsumerSummary('WARN nothing')).toThrow(/no ConsumerPerformance summary/);
  });
});
