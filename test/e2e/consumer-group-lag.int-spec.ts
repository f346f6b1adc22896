import {
  createKafka,
  ensureTopics,
  readConsumerGroupLag,
  SlowGroupMember,
  writeTimedRecords,
  type KafkaConnection,
  type PartitionLag,
  type WrittenRecord,
} from '@ferry/kafka-runtime';
import { silentLogger } from '@ferry/observability';
import {
  readMetrics,
  sampleValue,
  startService,
  testEnvironment,
  uniqueName,
  waitFor,
  type RunningService,
} from '@ferry/test-support';
import { describeGroupWithKafkaTool, type DescribedPartition } from '../support/kafka-tools';

/*
 * The lag exporter against Kafka's own `kafka-consumer-groups --describe`, on a group whose one
 * member works slowly while thousands of records arrive. Both are read while the member is held
 * between two records (nothing is committed or written meanwhile), so they describe the same
 * moment and must agree to the record; the lag in seconds is checked against the timestamps the
 * records were written with. Then the member leaves: the exporter must still report the group,
 * Empty, with no member and the full lag.
 */
const env = testEnvironment();
const PARTITIONS = 3;
const PER_PARTITION = 1000;
/** Record i of partition p was created HOUR_AGO + p·100 ms + i s: each offset has its own age. */
const HOUR_AGO = Date.now() - 3_600_000;
const timestampOf = (partition: number, index: number) => HOUR_AGO + partition * 100 + index * 1000;

const describeIf = env.kafkaClasspath === undefined ? describe.skip : describe;

describeIf('consumer group lag as Kafka sees it', () => {
  const connection: KafkaConnection = {
    brokers: env.kafkaBrokers,
    clientId: 'ferry-lag-test',
    connectionTimeoutMs: 3000,
    requestTimeoutMs: 30_000,
  };
  const topic = uniqueName('lag_orders');
  const group = uniqueName('lag_group');
  let exporter: RunningService;
  let member: SlowGroupMember;
  let written: WrittenRecord[] = [];

  beforeAll(async () => {
    await ensureTopics(createKafka(connection, silentLogger), [
      { name: topic, partitions: PARTITIONS, replicationFactor: 1 },
    ]);
    exporter = await startService(
      'lag-exporter',
      {
        KAFKA_BROKERS: env.kafkaBrokers.join(','),
        FERRY_LAG_GROUP_PREFIX: group,
        FERRY_LAG_CATALOG_GROUPS: 'false',
        FERRY_LAG_POLL_INTERVAL_MS: '1000',
        // Lag only: the dead-letter backlog has tests of its own.
        DATABASE_URL: '',
      },
      { migrate: false },
    );
    member = new SlowGroupMember(connection, group, topic, 2);
    await member.start();
  }, 120_000);

  afterAll(async () => {
    await member.stop().catch(() => undefined);
    await exporter.stop();
  });

  it('agrees with kafka-consumer-groups on every partition while the group works through a burst', async () => {
    written = await writeTimedRecords(connection, {
      topic,
      partitions: PARTITIONS,
      perPartition: PER_PARTITION,
      batch: 100,
      timestampOf,
    });
    await waitFor(
      'the member to have committed on every partition',
      async () => {
        const [lag] = await readConsumerGroupLag(connection, {
          groupPrefix: group,
          knownGroups: [],
          concurrency: 2,
        });
        const committed = lag?.partitions.filter((p) => p.committedOffset !== undefined) ?? [];
        return committed.length === PARTITIONS ? true : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    await member.hold();
    const reading = await sameMoment(exporter, group);

    const rows = comparison(reading, written);
    printTable('held member, after a burst of 3000 records', rows);
    expect(sampleValue(reading.metrics, 'ferry_consumergroup_members', { group })).toBe(1);
    expect(stateOf(reading.metrics, group)).toBe('Stable');
    expectAgreement(rows);
    expect(rows.reduce((sum, row) => sum + row.exporterLag, 0)).toBeGreaterThan(0);
  }, 120_000);

  it('still reports the full lag, no member and Empty once the group has no consumer', async () => {
    await member.stop();
    const reading = await sameMoment(exporter, group);

    const rows = comparison(reading, written);
    printTable('no member left', rows);
    expect(sampleValue(reading.metrics, 'ferry_consumergroup_members', { group })).toBe(0);
    expect(stateOf(reading.metrics, group)).toBe('Empty');
    expectAgreement(rows);
    expect(rows.reduce((sum, row) => sum + row.exporterLag, 0)).toBe(
      rows.reduce((sum, row) => sum + Number(row.toolLag ?? -1n), 0),
    );
    // The oldest record waiting anywhere in the group, by its own timestamp.
    const oldest = Math.min(...rows.map((row) => row.oracleTimestamp ?? Infinity));
    const ageAtPoll = (reading.lastSuccessSeconds * 1000 - oldest) / 1000;
    const reported = Math.max(...rows.map((row) => row.exporterSeconds ?? 0));
    expect(Math.abs(reported - ageAtPoll)).toBeLessThan(0.005);
    expect(ageAtPoll).toBeGreaterThan(3000);
  }, 120_000);
});

interface Reading {
  readonly metrics: string;
  readonly lastSuccessSeconds: number;
  readonly tool: readonly DescribedPartition[];
  readonly library: readonly PartitionLag[];
}

/**
 * The exporter's metrics from a poll that started after this call (the one after the first that
 * ended after it: polls run one after another), Kafka's tool and the library's own reading; the
 * group must not move meanwhile (held or gone).
 */
async function sameMoment(exporter: RunningService, group: string): Promise<Reading> {
  const since = Date.now() / 1000;
  const lastSuccess = async () =>
    sampleValue(
      await readMetrics(exporter.url),
      'ferry_lag_exporter_last_success_timestamp_seconds',
    );
  const first = await waitFor('a poll that ended after the group stood still', async () => {
    const value = await lastSuccess();
    return value >= since ? value : undefined;
  });
  const metrics = await waitFor('the next poll', async () => {
    const text = await readMetrics(exporter.url);
    const value = sampleValue(text, 'ferry_lag_exporter_last_success_timestamp_seconds');
    return value > first ? text : undefined;
  });
  const tool = await describeGroupWithKafkaTool(
    env.kafkaClasspath ?? '',
    env.kafkaBrokers[0] ?? '',
    group,
  );
  const [library] = await readConsumerGroupLag(
    {
      brokers: env.kafkaBrokers,
      clientId: 'ferry-lag-test',
      connectionTimeoutMs: 3000,
      requestTimeoutMs: 30_000,
    },
    { groupPrefix: group, knownGroups: [], concurrency: 2 },
  );
  return {
    metrics,
    lastSuccessSeconds: sampleValue(metrics, 'ferry_lag_exporter_last_success_timestamp_seconds'),
    tool: tool.rows,
    library: library?.partitions ?? [],
  };
}

interface Row {
  readonly partition: number;
  readonly toolEnd: bigint | undefined;
  readonly libraryEnd: bigint | undefined;
  readonly writtenEnd: bigint;
  readonly toolCurrent: bigint | undefined;
  readonly libraryCurrent: bigint | undefined;
  readonly toolLag: bigint | undefined;
  readonly libraryLag: number | undefined;
  readonly exporterLag: number;
  readonly exporterSeconds: number | undefined;
  /** Timestamp of the record at the committed offset, as written. */
  readonly oracleTimestamp: number | undefined;
  readonly oracleSeconds: number | undefined;
}

function comparison(reading: Reading, written: readonly WrittenRecord[]): Row[] {
  const topic = reading.library[0]?.topic ?? '';
  return Array.from({ length: PARTITIONS }, (_, partition) => {
    const tool = reading.tool.find((row) => row.partition === partition);
    const library = reading.library.find((row) => row.partition === partition);
    const labels = { topic, partition: String(partition) };
    const mine = written.filter((record) => record.partition === partition);
    const writtenEnd = mine.reduce((end, r) => (r.offset + 1n > end ? r.offset + 1n : end), 0n);
    const oracle = mine.find((record) => record.offset === tool?.currentOffset);
    const secondsLine = reading.metrics
      .split('\n')
      .find(
        (line) =>
          line.startsWith('ferry_consumergroup_lag_seconds{') &&
          line.includes(`topic="${topic}"`) &&
          line.includes(`partition="${partition}"`),
      );
    return {
      partition,
      toolEnd: tool?.logEndOffset,
      libraryEnd: library?.logEndOffset,
      writtenEnd,
      toolCurrent: tool?.currentOffset,
      libraryCurrent: library?.committedOffset,
      toolLag: tool?.lag,
      libraryLag: library?.lagRecords,
      exporterLag: sampleValue(reading.metrics, 'ferry_consumergroup_lag_records', labels),
      exporterSeconds: secondsLine === undefined ? undefined : Number(secondsLine.split(' ').pop()),
      oracleTimestamp: oracle?.timestampMs,
      oracleSeconds:
        oracle === undefined
          ? undefined
          : (reading.lastSuccessSeconds * 1000 - oracle.timestampMs) / 1000,
    };
  });
}

function expectAgreement(rows: readonly Row[]): void {
  for (const row of rows) {
    const at = `partition ${row.partition}`;
    expect([at, row.toolEnd]).toEqual([at, row.writtenEnd]);
    expect([at, row.libraryEnd]).toEqual([at, row.toolEnd]);
    expect([at, row.libraryCurrent]).toEqual([at, row.toolCurrent]);
    expect([at, row.exporterLag]).toEqual([at, Number(row.toolLag)]);
    expect([at, row.libraryLag]).toEqual([at, Number(row.toolLag)]);
    if (row.exporterLag === 0) expect([at, row.exporterSeconds]).toEqual([at, 0]);
    else {
      expect([at, row.oracleSeconds]).not.toEqual([at, undefined]);
      expect([
        at,
        Math.abs((row.exporterSeconds ?? NaN) - (row.oracleSeconds ?? NaN)) < 0.005,
      ]).toEqual([at, true]);
    }
  }
}

function stateOf(metrics: string, group: string): string | undefined {
  const line = metrics
    .split('\n')
    .find(
      (text) =>
        text.startsWith('ferry_consumergroup_state{') &&
        text.includes(`group="${group}"`) &&
        text.endsWith(' 1'),
    );
  return /state="([^"]+)"/.exec(line ?? '')?.[1];
}

function printTable(title: string, rows: readonly Row[]): void {
  const text = (value: bigint | number | undefined) =>
    value === undefined
      ? '-'
      : typeof value === 'number'
        ? String(Math.round(value * 1000) / 1000)
        : value.toString();
  const lines = [
    title,
    'partition | LOG-END-OFFSET tool/library/written | CURRENT-OFFSET tool/library | LAG tool/library/exporter | lag s exporter/oracle',
    ...rows.map(
      (row) =>
        `${row.partition} | ${text(row.toolEnd)}/${text(row.libraryEnd)}/${text(row.writtenEnd)} | ` +
        `${text(row.toolCurrent)}/${text(row.libraryCurrent)} | ` +
        `${text(row.toolLag)}/${text(row.libraryLag)}/${text(row.exporterLag)} | ` +
        `${text(row.exporterSeconds)}/${text(row.oracleSeconds)}`,
    ),
  ];
  console.log(lines.join('\n'));
}
