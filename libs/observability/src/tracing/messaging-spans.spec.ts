import { context, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import { jsonLogger } from '../logger';
import { spanContextOf } from '../trace-context';
import { currentLogFields } from '../log-context';
import { detachedFromWork, inProcessSpan, inSendSpan, MAX_PROCESS_LINKS } from './messaging-spans';

const caller = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('messaging spans', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const contextManager = new AsyncLocalStorageContextManager();
  /** The spans ended so far (the processor hands them over asynchronously). */
  const finished = async () => {
    await provider.forceFlush();
    return exporter.getFinishedSpans();
  };

  beforeAll(() => {
    context.setGlobalContextManager(contextManager.enable());
    trace.setGlobalTracerProvider(provider);
  });

  afterEach(() => {
    exporter.reset();
  });

  afterAll(() => {
    trace.disable();
    context.disable();
  });

  it('sends in a PRODUCER span that continues the caller and whose context the records carry', async () => {
    const written = await inSendSpan(
      { topic: 'inventory_levels', keys: ['SKU-1@WH1'], traceparent: caller },
      (traceparent) => Promise.resolve(traceparent),
    );
    const [span] = await finished();
    expect(span?.name).toBe('send inventory_levels');
    expect(span?.kind).toBe(SpanKind.PRODUCER);
    expect(span?.spanContext().traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(span?.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(span?.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.destination.name': 'inventory_levels',
      'messaging.kafka.message.key': 'SKU-1@WH1',
      'messaging.batch.message_count': 1,
    });
    expect(written).toBe(`00-${span?.spanContext().traceId}-${span?.spanContext().spanId}-01`);
  });

  it('prefers the active span to the traceparent it was handed', async () => {
    const tracer = trace.getTracer('test');
    const request = tracer.startSpan('POST');
    await context.with(trace.setSpan(context.active(), request), () =>
      inSendSpan({ topic: 't', keys: ['a', 'b'], traceparent: caller }, () => Promise.resolve()),
    );
    request.end();
    const send = (await finished()).find((span) => span.name === 'send t');
    expect(send?.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    expect(send?.attributes['messaging.kafka.message.key']).toBeUndefined();
    expect(send?.attributes['messaging.batch.message_count']).toBe(2);
  });

  it('marks a send that failed', async () => {
    await expect(
      inSendSpan({ topic: 't', keys: ['a'] }, () => Promise.reject(new RangeError('no'))),
    ).rejects.toThrow('no');
    const [span] = await finished();
    expect(span?.status.code).toBe(2);
    expect(span?.attributes['error.type']).toBe('RangeError');
  });

  it('processes in a root CONSUMER span linked once to each producer span', async () => {
    const other = '00-11111111111111111111111111111111-2222222222222222-01';
    const childOf = await inProcessSpan(
      {
        topic: 'inventory_levels',
        partition: 3,
        consumerGroup: 'projector',
        traceparents: [caller, caller, undefined, other, 'garbage'],
        eventIds: ['e1', 'e2', 'e3', 'e4', 'e5'],
      },
      () => Promise.resolve(trace.getActiveSpan()?.spanContext().spanId),
    );
    const [span] = await finished();
    expect(span?.name).toBe('process inventory_levels');
    expect(span?.kind).toBe(SpanKind.CONSUMER);
    expect(span?.parentSpanContext).toBeUndefined();
    expect(span?.links.map((link) => link.context)).toEqual([
      spanContextOf(caller),
      spanContextOf(other),
    ]);
    expect(span?.attributes).toMatchObject({
      'messaging.operation.type': 'process',
      'messaging.destination.partition.id': '3',
      'messaging.consumer.group.name': 'projector',
      'messaging.batch.message_count': 5,
    });
    expect(childOf).toBe(span?.spanContext().spanId);
  });

  it(`links at most ${MAX_PROCESS_LINKS} producers and counts the others`, async () => {
    const traceparents = Array.from(
      { length: MAX_PROCESS_LINKS + 5 },
      (_, n) => `00-${'a'.repeat(16)}${n.toString(16).padStart(16, '0')}-${'b'.repeat(16)}-01`,
    );
    await inProcessSpan(
      { topic: 't', partition: 0, consumerGroup: 'g', traceparents, eventIds: traceparents },
      () => Promise.resolve(),
    );
    const [span] = await finished();
    expect(span?.links).toHaveLength(MAX_PROCESS_LINKS);
    expect(span?.attributes['ferry.messaging.dropped_links']).toBe(5);
  });

  it('gives the log lines of one event its trace, span and event id', async () => {
    // Info lines are written whatever level the run that calls this test logs at (npm test: warn).
    const level = process.env['FERRY_LOG_LEVEL'];
    process.env['FERRY_LOG_LEVEL'] = 'info';
    const lines: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      await inProcessSpan(
        { topic: 't', partition: 0, consumerGroup: 'g', traceparents: [caller], eventIds: ['e1'] },
        async () => {
          await Promise.resolve();
          jsonLogger('test').info('applied');
        },
      );
      jsonLogger('test').info('outside');
    } finally {
      write.mockRestore();
      if (level === undefined) delete process.env['FERRY_LOG_LEVEL'];
      else process.env['FERRY_LOG_LEVEL'] = level;
    }
    const [span] = await finished();
    const [inside, outside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(span?.attributes['messaging.message.id']).toBe('e1');
    expect(inside).toMatchObject({
      message: 'applied',
      trace_id: span?.spanContext().traceId,
      span_id: span?.spanContext().spanId,
      event_id: 'e1',
    });
    expect(outside).not.toHaveProperty('trace_id');
    expect(outside).not.toHaveProperty('event_id');
  });
  it('starts background work outside the span and the event it was set off in', async () => {
    const seen = await inProcessSpan(
      { topic: 't', partition: 0, consumerGroup: 'g', traceparents: [caller], eventIds: ['e1'] },
      () =>
        Promise.resolve({
          inside: [trace.getActiveSpan() !== undefined, currentLogFields()?.['event_id']],
          detached: detachedFromWork(() => [trace.getActiveSpan(), currentLogFields()]),
        }),
    );
    expect(seen).toEqual({ inside: [true, 'e1'], detached: [undefined, undefined] });
  });
});

describe('messaging spans with tracing off', () => {
  it('passes the caller traceparent through, or writes none', async () => {
    expect(
      await inSendSpan({ topic: 't', keys: ['a'], traceparent: caller }, (traceparent) =>
        Promise.resolve(traceparent),
      ),
    ).toBe(caller);
    expect(
      await inSendSpan({ topic: 't', keys: ['a'] }, (traceparent) => Promise.resolve(traceparent)),
    ).toBeUndefined();
  });
});
