import { randomBytes } from 'node:crypto';
import { FerryHeaders } from '@ferry/contracts';
import { readTopicToEnd } from '@ferry/kafka-runtime';
import {
  localAuthorization,
  startService,
  testEnvironment,
  uniqueName,
  waitFor,
} from '@ferry/test-support';
import { startFerrySystem, type FerrySystem } from '@ferry/local-infra';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../support/otlp-receiver';
import { descendantsOf, renderTrace } from '../support/trace-tree';

/*
 * One inventory snapshot, traced end to end through real processes exporting to a real OTLP/HTTP
 * endpoint: the WMS adapter's SERVER span continues the caller's trace, its PRODUCER span's
 * context travels in the Kafka record, and each consumer (the inventory projector, the ERP
 * sink) processes it in a CONSUMER span of its own trace LINKED to that producer span, with its
 * Postgres statements and its Odoo calls below it. Log lines carry the ids of their span.
 */
describe('tracing from an HTTP request through Kafka into Postgres and Odoo', () => {
  const env = testEnvironment();
  let receiver: OtlpReceiver;
  let system: FerrySystem;
  const sku = 'SKU-TRACE';

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    system = await startFerrySystem({
      endpoints: env,
      extraEnv: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        // Export within half a second instead of five: the test waits for the spans.
        OTEL_BSP_SCHEDULE_DELAY: '500',
        FERRY_LOG_LEVEL: 'debug',
      },
    });
    system.odoo.seed('product.product', { name: sku, default_code: sku });
  }, 180_000);

  afterAll(async () => {
    await system.stop();
    await receiver.stop();
  });

  const spans = () => receiver.spans();
  const kafka = {
    brokers: env.kafkaBrokers,
    clientId: 'tracing-e2e',
    connectionTimeoutMs: 5000,
    requestTimeoutMs: 30_000,
  };
  const statementOf = (span: ReceivedSpan) =>
    String(span.attributes['db.statement'] ?? span.attributes['db.query.text'] ?? '');
  const isLinkedTo = (span: ReceivedSpan, producer: ReceivedSpan) =>
    span.links.some((l) => l.traceId === producer.traceId && l.spanId === producer.spanId);

  /** The CONSUMER span of `service` linked to `producer`, once it and its children arrived. */
  const consumerOf = (
    service: string,
    producer: ReceivedSpan,
    complete: (below: ReceivedSpan[]) => boolean,
  ) =>
    waitFor(
      `the ${service} consumer span linked to the producer span`,
      () =>
        spans().find(
          (span) =>
            span.service === service &&
            span.kind === 'CONSUMER' &&
            isLinkedTo(span, producer) &&
            complete(descendantsOf(spans(), span)),
        ),
      { timeoutMs: 60_000, intervalMs: 250 },
    );

  it('links every hop of one snapshot into one readable trace', async () => {
    const callerTraceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await fetch(`${system.wmsAdapter.url}/v1/inventory-levels`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: system.authorization,
        traceparent: `00-${callerTraceId}-${callerSpanId}-01`,
      },
      body: JSON.stringify({ sku, location: 'WH/Stock', onHand: 17, version: 1 }),
    });
    expect(response.status).toBe(202);
    const eventId = ((await response.json()) as { events: { eventId: string }[] }).events[0]
      ?.eventId;
    const topic = system.topics.inventory;

    // The request: a SERVER span continuing the caller's trace, and below it `send <topic>`.
    const server = await waitFor('the SERVER span of the request', () =>
      spans().find(
        (span) =>
          span.kind === 'SERVER' &&
          span.traceId === callerTraceId &&
          span.parentSpanId === callerSpanId,
      ),
    );
    expect(server.service).toBe('wms-adapter');
    const producer = await waitFor('the PRODUCER span of the publish', () =>
      descendantsOf(spans(), server).find((span) => span.kind === 'PRODUCER'),
    );
    expect(producer).toMatchObject({
      name: `send ${topic}`,
      traceId: callerTraceId,
      attributes: expect.objectContaining({
        'messaging.system': 'kafka',
        'messaging.operation.type': 'send',
        'messaging.destination.name': topic,
        'messaging.kafka.message.key': `${sku}@WH/Stock`,
        'messaging.batch.message_count': 1,
      }) as unknown,
    });

    // The record carries the producer span's context, nothing else.
    const records = await readTopicToEnd(kafka, topic);
    const record = records.find((r) => r.headers[FerryHeaders.eventId] === eventId);
    expect(record?.headers[FerryHeaders.traceparent]).toBe(
      `00-${producer.traceId}-${producer.spanId}-01`,
    );

    // The projector: `process <topic>`, the root of its own trace, linked to the producer, with
    // its transaction's statements below it.
    const projection = await consumerOf('inventory-projector', producer, (below) =>
      below.some((span) => statementOf(span) === 'COMMIT'),
    );
    expect(projection).toMatchObject({
      name: `process ${topic}`,
      parentSpanId: '',
      attributes: expect.objectContaining({
        'messaging.operation.type': 'process',
        'messaging.consumer.group.name': system.groups.projector,
        'messaging.message.id': eventId,
      }) as unknown,
    });
    const statements = descendantsOf(spans(), projection)
      .filter((span) => span.kind === 'CLIENT' && statementOf(span) !== '')
      .map(statementOf);
    expect(statements[0]).toBe('BEGIN');
    expect(statements.at(-1)).toBe('COMMIT');
    expect(statements.some((text) => /INSERT INTO[^]*inventory_levels/i.test(text))).toBe(true);

    // The ERP sink: its own CONSUMER span linked to the same producer, the Odoo calls below it
    // (CLIENT `<model>/<method>`), each with its HTTP request below that.
    const erpSink = await consumerOf('erp-adapter', producer, (below) =>
      below.some((span) => span.attributes['rpc.service'] === 'stock.quant'),
    );
    expect(erpSink.parentSpanId).toBe('');
    const odooCalls = descendantsOf(spans(), erpSink).filter(
      (span) => span.kind === 'CLIENT' && span.attributes['rpc.service'] !== undefined,
    );
    expect(odooCalls.length).toBeGreaterThan(0);
    for (const call of odooCalls) {
      expect(call.name).toBe(
        `${String(call.attributes['rpc.service'])}/${String(call.attributes['rpc.method'])}`,
      );
      expect(descendantsOf(spans(), call).map((span) => span.kind)).toContain('CLIENT');
    }

    // A log line written inside the projector's span carries its ids and the event's.
    const sliceLines = system.projector
      .output()
      .split('\n')
      .filter((line) => line.includes('"slice applied"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(sliceLines).toContainEqual(
      expect.objectContaining({
        trace_id: projection.traceId,
        span_id: projection.spanId,
        event_id: eventId,
      }),
    );

    console.log(`trace of one inventory snapshot:\n${renderTrace(spans(), server)}`);
  }, 120_000);

  it('with OTEL_SDK_DISABLED=true makes no span and passes the caller trace on as it came', async () => {
    const topic = uniqueName('tracing_off');
    const traceId = randomBytes(16).toString('hex');
    const traceparent = `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
    const adapter = await startService('wms-adapter', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      FERRY_INVENTORY_TOPIC: topic,
      OTEL_SDK_DISABLED: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '500',
    });
    try {
      const response = await fetch(`${adapter.url}/v1/inventory-levels`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: await localAuthorization(),
          traceparent,
        },
        body: JSON.stringify({ sku: 'SKU-UNTRACED', location: 'WH1', onHand: 3, version: 1 }),
      });
      expect(response.status).toBe(202);
      const records = await readTopicToEnd(kafka, topic);
      expect(records.map((record) => record.headers[FerryHeaders.traceparent])).toEqual([
        traceparent,
      ]);
    } finally {
      // A running SDK would flush its spans here, at SIGTERM.
      await adapter.stop();
    }
    expect(spans().filter((span) => span.traceId === traceId)).toEqual([]);
  }, 120_000);

  it('flushes the spans not yet exported when the service stops (SIGTERM)', async () => {
    const traceId = randomBytes(16).toString('hex');
    const adapter = await startService('wms-adapter', {
      KAFKA_BROKERS: env.kafkaBrokers.join(','),
      SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
      FERRY_INVENTORY_TOPIC: uniqueName('tracing_flush'),
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // No export on schedule during the test: only the shutdown's flush can send these spans.
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    try {
      const response = await fetch(`${adapter.url}/v1/inventory-levels`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: await localAuthorization(),
          traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
        },
        body: JSON.stringify({ sku: 'SKU-FLUSH', location: 'WH1', onHand: 3, version: 1 }),
      });
      expect(response.status).toBe(202);
      expect(spans().filter((span) => span.traceId === traceId)).toEqual([]);
    } finally {
      await adapter.stop();
    }
    const flushed = spans().filter((span) => span.traceId === traceId);
    expect(flushed.map((span) => span.kind).sort()).toEqual(['PRODUCER', 'SERVER']);
  }, 120_000);
});
