import { camelCase, constantCase, kebabCase, pascalCase } from '../naming';
import type { ConsumerPlan } from './consumer-plan';
import { configFile, optionsName } from './skeleton-files';
import { eventAndPublish, startServiceAndRuntime, testImports, testKey } from './test-parts';

/** The files of a sink: its HTTP client, its declaration, main, test. */
export function sinkFiles(plan: ConsumerPlan): Record<string, string> {
  const target = plan.target ?? 'wms';
  const Target = pascalCase(target);
  const sink = `${camelCase(plan.topic.entity)}Sink`;
  const event = plan.topic.eventType;
  const resource = kebabCase(plan.topic.schemaFolder);
  const urlVariable = `FERRY_${constantCase(target)}_URL`;
  return {
    'src/config.ts': configFile(
      plan,
      `
  ${target}Url: option('${urlVariable}', text, undefined, 'Base URL of the ${target.toUpperCase()} API the states are written into'),
  ${target}TimeoutMs: option(
    'FERRY_${constantCase(target)}_TIMEOUT_MS',
    integer({ min: 100, max: 120_000 }),
    5000,
    'Timeout of one call to the ${target.toUpperCase()}',
  ),`,
      "import { integer, option, text } from '@ferry/config';\n",
    ),
    'src/main.ts': `import './tracing';
import { runConsumerService } from '@ferry/service-host';
import { ${optionsName(plan)} } from './config';
import { ${Target}Client } from './${target}-client';
import { ${sink} } from './${plan.fileStem}-sink';

runConsumerService({
  name: '${plan.app}',
  options: ${optionsName(plan)},
  consumer: (config) => ${sink}(new ${Target}Client(config.${target}Url, config.${target}TimeoutMs)),
});
`,
    [`src/${target}-client.ts`]: `import { failureKindOfHttpStatus, FerryError } from '@ferry/failures';
import { measureDownstreamCall } from '@ferry/observability';

/** The ${target.toUpperCase()} answered with an error status: its kind is the status's. */
export class ${Target}HttpError extends FerryError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message, failureKindOfHttpStatus(status));
  }
}

/**
 * Writes states into the ${target.toUpperCase()}: \`PUT <url>/${resource}/<entity id>\` with the whole state, and the
 * event id as \`x-correlation-id\`, so that a write sent twice (a crash between the write and the
 * offset commit) is one the ${target.toUpperCase()} can recognise. Unreachable: \`unavailable\` (the consumer holds).
 */
export class ${Target}Client {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  put(entityId: string, state: unknown, correlationId: string): Promise<void> {
    return measureDownstreamCall({ system: '${target}', operation: '${resource}.put' }, () =>
      this.send(entityId, state, correlationId),
    );
  }

  private async send(entityId: string, state: unknown, correlationId: string): Promise<void> {
    const url = \`\${this.baseUrl}/${resource}/\${encodeURIComponent(entityId)}\`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
        body: JSON.stringify(state),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error: unknown) {
      throw new FerryError(\`${target.toUpperCase()} at \${this.baseUrl} unreachable\`, 'unavailable', { cause: error });
    }
    const text = await response.text();
    if (!response.ok)
      throw new ${Target}HttpError(response.status, \`${target.toUpperCase()} refused \${entityId}: \${response.status} \${text.slice(0, 300)}\`);
  }
}
`,
    [`src/${plan.fileStem}-sink.ts`]: `import { ${event}Contract, Topics, type ${event} } from '@ferry/contracts';
import { SinkGuard } from '@ferry/kafka-runtime';
import type { ConsumerDeclaration } from '@ferry/service-host';
import type { ${Target}Client } from './${target}-client';

/**
 * ${event} events → the ${target.toUpperCase()}, one write per event with its whole state. \`per-key\`: while one
 * event of an entity waits in a retry tier, the entity's later events wait behind it, since the
 * ${target.toUpperCase()}'s writes are not guarded by Ferry's version. An echo (a state the ${target.toUpperCase()} itself sent) is
 * dropped and counted: nothing is written back into its owner.
 */
export function ${sink}(client: ${Target}Client): ConsumerDeclaration<${event}> {
  // Throws at start when the ownership map does not let the ${target.toUpperCase()} receive it.
  const guard = new SinkGuard('${target}', '${plan.topic.entity}');
  return {
    name: '${target}-${plan.fileStem}-sink',
    topic: Topics.${plan.topic.key},
    contract: ${event}Contract,
    downstream: '${target}',
    ordering: 'per-key',
    apply: async (_tx, events) => {
      let written = 0;
      let echoes = 0;
      for (const { headers, value } of events) {
        if (guard.isEcho(headers, value.sourceSystem)) {
          echoes += 1;
          continue;
        }
        await client.put(value.entityId, value, value.eventId);
        written += 1;
      }
      return { written, echo_dropped: echoes };
    },
  };
}
`,
    [`src/${plan.fileStem}-sink.int-spec.ts`]: sinkTest(plan, target, resource, urlVariable),
  };
}

function sinkTest(
  plan: ConsumerPlan,
  target: string,
  resource: string,
  urlVariable: string,
): string {
  return `import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
${testImports(plan, ['readMetrics', 'sampleValue'])}

interface Write {
  readonly path: string;
  readonly correlationId: string | undefined;
  readonly body: Record<string, unknown>;
}

/*
 * ${plan.app} as a process of its own against the real Kafka, registry and Postgres, writing into
 * a real HTTP server in the ${target.toUpperCase()}'s place: each event is written once with its event id as
 * correlation id, a redelivered event is not written again, and a ${target.toUpperCase()} that answers 503 holds
 * the partition until it takes the write.
 */
describe('${plan.app} (real Kafka, registry and Postgres)', () => {
  const env = testEnvironment();
  const topic = uniqueName('${plan.table}');
  const group = uniqueName('${plan.table}_group');
  const writes: Write[] = [];
  let refusals = 1;
  let receiver: Server;
  let database: IsolatedDatabase;
  let service: RunningService;
  let runtime: KafkaRuntime;

${eventAndPublish(plan)}

  const handled = async (outcome: string) =>
    sampleValue(await readMetrics(service.url), 'ferry_consumer_events_total', { group, outcome });

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => (text += chunk.toString()));
      request.on('end', () => {
        if (refusals > 0) {
          refusals -= 1;
          response.writeHead(503).end('maintenance');
          return;
        }
        const correlation = request.headers['x-correlation-id'];
        writes.push({
          path: request.url ?? '',
          correlationId: typeof correlation === 'string' ? correlation : undefined,
          body: JSON.parse(text) as Record<string, unknown>,
        });
        response.writeHead(204).end();
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const { port } = receiver.address() as AddressInfo;
    database = isolatedDatabase(env.databaseUrl, '${plan.table}');
${startServiceAndRuntime(plan, `\n      ${urlVariable}: \`http://127.0.0.1:\${port}\`,`)}
  }, 120_000);

  afterAll(async () => {
    await service.stop();
    await database.drop();
    receiver.close();
  });

  it('writes each state once, by its event id, after the ${target.toUpperCase()} came back', async () => {
    const [first, second] = [${testKey(plan, 1)}, ${testKey(plan, 2)}];
    await publish([event(first, 1)]);
    await publish([event(second, 1)]);
    await waitFor('both states written', () => (writes.length >= 2 ? true : undefined), {
      timeoutMs: 30_000,
    });
    // A redelivery of one of them: the dedup table knows its id.
    await publish([event(first, 1)]);
    await publish([event(second, 2)]);
    await waitFor(
      'the redelivery dropped and the newer state written',
      async () =>
        (await handled('duplicate')) >= 1 && (await handled('written')) >= 3 ? true : undefined,
      { timeoutMs: 30_000 },
    );
    expect(refusals).toBe(0);
    expect(writes.map((write) => [write.path, write.correlationId]).sort()).toEqual(
      [
        [\`/${resource}/\${encodeURIComponent(first)}\`, event(first, 1).eventId],
        [\`/${resource}/\${encodeURIComponent(second)}\`, event(second, 1).eventId],
        [\`/${resource}/\${encodeURIComponent(second)}\`, event(second, 2).eventId],
      ].sort(),
    );
    expect(writes[0]?.body).toMatchObject({ sourceSystem: '${plan.owner}' });
  });
});
`;
}
