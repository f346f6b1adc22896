import { metricsRegistry } from '@ferry/observability';
import { partitionLagOf } from './group-lag';
import { publishGroupLag } from './lag-metrics';
import { onePerPartition } from './record-timestamps';

const offsets = (partition: number, high: number) => ({
  partition,
  low: '0',
  high: String(high),
});

async function samples(name: string) {
  const metric = await metricsRegistry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).map(({ labels, value }) => ({ labels, value }));
}

describe('publishGroupLag', () => {
  it('exports records, seconds, members and one state per group', async () => {
    publishGroupLag(
      [
        {
          group: 'g',
          state: 'Empty',
          members: 0,
          partitions: [
            partitionLagOf('t', offsets(0, 10), 4n),
            partitionLagOf('t', offsets(1, 10), 10n),
          ],
        },
      ],
      (_topic, _partition, offset) => (offset === 4n ? 40_000 : undefined),
      100_000,
    );
    expect(await samples('ferry_consumergroup_lag_records')).toEqual([
      { labels: { group: 'g', topic: 't', partition: '0' }, value: 6 },
      { labels: { group: 'g', topic: 't', partition: '1' }, value: 0 },
    ]);
    expect(await samples('ferry_consumergroup_lag_seconds')).toEqual([
      { labels: { group: 'g', topic: 't', partition: '0' }, value: 60 },
      { labels: { group: 'g', topic: 't', partition: '1' }, value: 0 },
    ]);
    expect(await samples('ferry_consumergroup_members')).toEqual([
      { labels: { group: 'g' }, value: 0 },
    ]);
    const states = await samples('ferry_consumergroup_state');
    expect(states.filter((sample) => sample.value === 1)).toEqual([
      { labels: { group: 'g', state: 'Empty' }, value: 1 },
    ]);
    expect(states).toHaveLength(6);
    expect(await samples('ferry_lag_exporter_last_success_timestamp_seconds')).toEqual([
      { labels: {}, value: 100 },
    ]);
  });

  it('drops the series of a group no longer read instead of keeping its last value', async () => {
    publishGroupLag(
      [
        {
          group: 'old',
          state: 'Stable',
          members: 1,
          partitions: [partitionLagOf('t', offsets(0, 5), 1n)],
        },
      ],
      () => 1,
      10_000,
    );
    publishGroupLag([], () => undefined, 20_000);
    expect(await samples('ferry_consumergroup_lag_records')).toEqual([]);
    expect(await samples('ferry_consumergroup_members')).toEqual([]);
  });

  it('leaves out the seconds of a partition whose oldest record could not be read', async () => {
    publishGroupLag(
      [
        {
          group: 'g',
          state: 'Stable',
          members: 1,
          partitions: [partitionLagOf('t', offsets(0, 5), 1n)],
        },
      ],
      () => undefined,
      10_000,
    );
    expect(await samples('ferry_consumergroup_lag_seconds')).toEqual([]);
    expect(await samples('ferry_consumergroup_lag_records')).toHaveLength(1);
  });
});

describe('onePerPartition', () => {
  it('puts two offsets of one partition in different rounds', () => {
    const at = (partition: number, offset: bigint) => ({ topic: 't', partition, offset });
    expect(onePerPartition([at(0, 5n), at(1, 7n), at(0, 9n)])).toEqual([
      [at(0, 5n), at(1, 7n)],
      [at(0, 9n)],
    ]);
  });
});
