import { formatEndpoints, formatStatus } from './format';

describe('formatStatus', () => {
  it('aligns columns and hides passwords', () => {
    const lines = formatStatus([
      {
        name: 'kafka-1',
        pid: 101,
        running: true,
        endpoint: '127.0.0.1:19092',
        managedByFerry: true,
      },
      {
        name: 'postgres',
        pid: undefined,
        running: true,
        endpoint: 'postgres://u:pw@db:5432/ferry',
        managedByFerry: false,
      },
    ]);
    expect(lines).toEqual([
      'PART      STATE    PID  RUN BY    ENDPOINT',
      'kafka-1   running  101  ferry     127.0.0.1:19092',
      'postgres  running  -    external  postgres://u:***@db:5432/ferry',
    ]);
  });
});

describe('formatEndpoints', () => {
  it('prints shell assignments', () => {
    expect(
      formatEndpoints({
        kafkaBrokers: ['a:1', 'b:2'],
        schemaRegistryUrl: 'http://r/apis/ccompat/v7',
        databaseUrl: 'postgres://p@h/ferry',
      }),
    ).toEqual([
      'KAFKA_BROKERS=a:1,b:2',
      'SCHEMA_REGISTRY_URL=http://r/apis/ccompat/v7',
      'DATABASE_URL=postgres://p@h/ferry',
    ]);
  });
});
