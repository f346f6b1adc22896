import { consumerMetrics } from './consumer-metrics';
import { PartitionLag } from './partition-lag';

async function gaugeOf(group: string): Promise<Record<string, number>> {
  const { values } = await consumerMetrics.lag.get();
  return Object.fromEntries(
    values
      .filter((v) => v.labels.group === group)
      .map((v) => [`${String(v.labels.topic)}:${String(v.labels.partition)}`, v.value]),
  );
}

describe('PartitionLag', () => {
  it('sums the lag of its partitions and shows each as ferry_consumer_fetch_lag_records', async () => {
    const lag = new PartitionLag('lag-sum');
    lag.set('orders', 0, 5);
    lag.set('orders', 1, 7);
    lag.set('orders', 0, 2);
    expect(lag.workable()).toBe(9);
    expect(await gaugeOf('lag-sum')).toEqual({ 'orders:0': 2, 'orders:1': 7 });
  });

  it('leaves records a retry tier holds until due out of the workable lag, not out of the metric', async () => {
    const lag = new PartitionLag('lag-waiting');
    lag.set('orders', 0, 1);
    lag.set('orders.retry.1m', 0, 4);
    lag.waitingUntilDue('orders.retry.1m', 0);
    expect(lag.workable()).toBe(1);
    expect(await gaugeOf('lag-waiting')).toEqual({ 'orders:0': 1, 'orders.retry.1m:0': 4 });
    lag.set('orders.retry.1m', 0, 3); // due: consumed again
    expect(lag.workable()).toBe(4);
  });

  it('forgets partitions a rebalance assigned elsewhere, and everything on clear', async () => {
    const lag = new PartitionLag('lag-rebalance');
    lag.set('orders', 0, 3);
    lag.set('orders', 1, 4);
    lag.set('orders.retry.1m', 1, 2);
    lag.keepOnly({ orders: [1], 'orders.retry.1m': [0] });
    expect(lag.workable()).toBe(4);
    expect(await gaugeOf('lag-rebalance')).toEqual({ 'orders:1': 4 });
    lag.clear();
    expect(lag.workable()).toBe(0);
    expect(await gaugeOf('lag-rebalance')).toEqual({});
  });
});
