import { metricsRegistry, silentLogger } from '@ferry/observability';
import { freePort, testEnvironment } from '@ferry/test-support';
import { LagMonitor } from './lag-monitor';

async function value(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric(name)?.get();
  const sample = metric?.values.find((candidate) =>
    Object.entries(labels).every(([key, wanted]) => candidate.labels[key] === wanted),
  );
  return sample?.value ?? NaN;
}

const settings = (brokers: string[]) => ({
  connection: {
    brokers,
    clientId: 'ferry-lag-monitor-test',
    connectionTimeoutMs: 500,
    requestTimeoutMs: 2000,
  },
  logger: silentLogger,
  groupPrefix: 'ferry-lag-monitor-test-none.',
  knownGroups: [],
  concurrency: 2,
  pollIntervalMs: 1000,
  timestampTimeoutMs: 2000,
  staleAfterMs: 60_000,
});

describe('LagMonitor', () => {
  it('is ready after a poll that read Kafka', async () => {
    const monitor = new LagMonitor(settings(testEnvironment().kafkaBrokers));
    try {
      await monitor.poll();
      expect(monitor.health()).toMatchObject({ live: true, ready: true });
    } finally {
      await monitor.stop();
    }
  });

  it('counts a poll that cannot reach Kafka, keeps the last values and stays live but not ready', async () => {
    const reachable = new LagMonitor(settings(testEnvironment().kafkaBrokers));
    await reachable.poll();
    await reachable.stop();
    const lastSuccess = await value('ferry_lag_exporter_last_success_timestamp_seconds');
    const errorsBefore = await value('ferry_lag_exporter_errors_total', { kind: 'offsets' });

    const monitor = new LagMonitor(settings([`127.0.0.1:${await freePort()}`]));
    try {
      await expect(monitor.poll()).resolves.toBeUndefined();
      expect(await value('ferry_lag_exporter_errors_total', { kind: 'offsets' })).toBe(
        errorsBefore + 1,
      );
      expect(await value('ferry_lag_exporter_last_success_timestamp_seconds')).toBe(lastSuccess);
      expect(monitor.health()).toMatchObject({ live: true, ready: false });
      expect(monitor.health().detail).toContain('no successful poll yet');
    } finally {
      await monitor.stop();
    }
  }, 60_000);
});
