import { postgresType, stateColumnType, type FieldSpec } from '../fields';
import { camelCase, snakeCase, spacedWords } from '../naming';
import type { ConsumerPlan } from './consumer-plan';
import { configFile, optionsName } from './skeleton-files';
import {
  eventAndPublish,
  keyValue,
  startServiceAndRuntime,
  testImports,
  testKey,
} from './test-parts';

/** The files of a state projection: declaration, upsert, migration, main, test. */
export function stateFiles(plan: ConsumerPlan): Record<string, string> {
  const projection = `${camelCase(plan.topic.entity)}Projection`;
  const columns = plan.fields.filter((field) => field !== plan.keyField);
  const column = (field: FieldSpec) =>
    `    ${snakeCase(field.name)}: column('${stateColumnType(field)}', (e) => e.${field.name}),`;
  const skipped =
    plan.skipped.length === 0
      ? ''
      : `\n * Not projected (no single column): ${plan.skipped.join(', ')}.`;
  return {
    [`migrations/001_${plan.table}.sql`]: `-- The newest state of each ${spacedWords(plan.topic.entity)}, as ${plan.owner} (its owner) last published it.
-- source_version guards every write: an older event never overwrites a newer one. Each page keeps
-- room for its rows' next versions (fillfactor), so an update leaves the primary key alone.
CREATE TABLE ${plan.table} (
  ${snakeCase(plan.keyField.name)} ${postgresType(plan.keyField)} PRIMARY KEY,
${columns
  .map(
    (field) =>
      `  ${snakeCase(field.name)} ${postgresType(field)}${field.optional ? '' : ' NOT NULL'},`,
  )
  .join('\n')}
  source_version bigint NOT NULL,
  source_event_id uuid NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 70);
`,
    'src/config.ts': configFile(plan),
    'src/main.ts': `import './tracing';
import { runConsumerService } from '@ferry/service-host';
import { ${optionsName(plan)} } from './config';
import { ${projection} } from './${plan.fileStem}-projection';

runConsumerService({
  name: '${plan.app}',
  options: ${optionsName(plan)},
  consumer: ${projection},
});
`,
    [`src/${plan.fileStem}-projection.ts`]: `import { join } from 'node:path';
import { ${plan.topic.eventType}Contract, Topics, type ${plan.topic.eventType} } from '@ferry/contracts';
import { column, stateUpsert } from '@ferry/persistence';
import type { ConsumerDeclaration } from '@ferry/service-host';

/**
 * The newest state of each ${spacedWords(plan.topic.entity)} in \`${plan.table}\`: one version-guarded upsert per
 * batch, so an older event arriving late (from a retry tier) changes nothing.${skipped}
 */
const upsert = stateUpsert<${plan.topic.eventType}>({
  table: '${plan.table}',
  key: { ${snakeCase(plan.keyField.name)}: column('${stateColumnType(plan.keyField)}', (e) => e.${plan.keyField.name}) },
  columns: {
${columns.map(column).join('\n')}
  },
});

/** ${plan.topic.eventType} events → \`${plan.table}\`. */
export const ${projection}: ConsumerDeclaration<${plan.topic.eventType}> = {
  name: '${plan.fileStem}-projection',
  topic: Topics.${plan.topic.key},
  contract: ${plan.topic.eventType}Contract,
  migrations: [{ owner: '${plan.app}', directory: join(__dirname, '..', 'migrations') }],
  apply: (tx, events) =>
    upsert(
      tx,
      events.map((event) => event.value),
    ),
};
`,
    [`src/${plan.fileStem}-projection.int-spec.ts`]: stateTest(plan),
  };
}

function stateTest(plan: ConsumerPlan): string {
  const [first, second] = [testKey(plan, 1), testKey(plan, 2)];
  return `${testImports(plan, ['readMetrics', 'sampleValue'])}

/*
 * ${plan.app} as a process of its own against the real Kafka, registry and Postgres: events
 * published as ${plan.owner} (the owner) become one row per ${spacedWords(plan.topic.entity)}, the newest
 * version winning whatever order and however often they arrive.
 */
describe('${plan.app} (real Kafka, registry and Postgres)', () => {
  const env = testEnvironment();
  const topic = uniqueName('${plan.table}');
  const group = uniqueName('${plan.table}_group');
  let database: IsolatedDatabase;
  let service: RunningService;
  let runtime: KafkaRuntime;

${eventAndPublish(plan)}

  const row = async (entityId: string) => {
    const { rows } = await database.db.query<{ version: string; event_id: string }>(
      'SELECT source_version::text AS version, source_event_id::text AS event_id FROM ${plan.table} WHERE ${snakeCase(plan.keyField.name)} = $1',
      [${keyValue(plan)}],
    );
    return rows[0];
  };

  const handled = async () => {
    const text = await readMetrics(service.url);
    return ['applied', 'superseded', 'stale', 'duplicate']
      .map((outcome) => sampleValue(text, 'ferry_consumer_events_total', { group, outcome }))
      .reduce((sum, n) => sum + n, 0);
  };

  beforeAll(async () => {
    database = isolatedDatabase(env.databaseUrl, '${plan.table}');
${startServiceAndRuntime(plan)}
  }, 120_000);

  afterAll(async () => {
    await service.stop();
    await database.drop();
  });

  it('keeps the newest state of each ${spacedWords(plan.topic.entity)}, however late an older one arrives', async () => {
    const [first, second] = [${first}, ${second}];
    await publish([event(first, 1), event(first, 3), event(second, 1)]);
    // An older version after the newer one, then the newest again (a redelivery).
    await publish([event(first, 2)]);
    await publish([event(first, 3)]);
    await waitFor('every event handled', async () => ((await handled()) >= 5 ? true : undefined), {
      timeoutMs: 30_000,
    });
    expect(await row(first)).toEqual({ version: '3', event_id: event(first, 3).eventId });
    expect(await row(second)).toEqual({ version: '1', event_id: event(second, 1).eventId });
    expect(await handled()).toBe(5);
  });
});
`;
}
