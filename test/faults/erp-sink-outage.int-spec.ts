import { testEnvironment, waitFor } from '@ferry/test-support';
import { ErpSinkFlow } from './flow/erp-sink-flow';
import { requestsBeforeRetryAfter } from './flow/retry-after';
import { expectRecoveryWithin, FaultCase } from './report/fault-case';

/*
 * Odoo answers 503 to everything for 60 s, then 429 with Retry-After beyond 3 requests a second
 * for 20 s, while the WMS keeps sending inventory that the ERP adapter's sink writes into Odoo.
 * Nothing may be dead-lettered (an outage spends no attempts: the circuit breaker holds the
 * partitions), every Retry-After must be respected, and Odoo must end with the WMS's values.
 */
describe('faults: the ERP sink facing an Odoo outage and then a rate limit', () => {
  const env = testEnvironment();
  let flow: ErpSinkFlow | undefined;

  afterEach(async () => {
    await flow?.stop();
    flow = undefined;
  }, 120_000);

  it('holds through 60 s of 503s and 20 s of 429s, dead-letters nothing and ends with the WMS values', async () => {
    const fault = new FaultCase('ERP sink: 60 s of 503s, then 429s', __filename);
    const skus = 20;
    const started = await ErpSinkFlow.start(env, skus, 40);
    flow = started;
    const { odoo, erpAdapter } = started.system;
    const circuit = new CircuitWatch(started);
    const rateLimited = { from: 0, to: 0 };
    await fault.run(
      started,
      async () => {
        fault.faultBegins();
        await odoo.setFault({ mode: 'failing', status: 503 });
        circuit.start();
        await started.load.send(2 * skus);
        // The clock is the condition: the outage lasts 60 s, six rounds of load 10 s apart.
        for (let round = 0; round < 6; round++) {
          await sleep(10_000);
          await started.load.send(skus);
        }
        rateLimited.from = Date.now();
        await odoo.setFault({ mode: 'rate-limited', limit: 3, windowMs: 1000 });
        await started.load.send(skus);
        // The clock is the condition: 20 s of 429s with Retry-After, as the case states.
        await sleep(20_000);
        rateLimited.to = Date.now();
        await odoo.setFault({ mode: 'ok' });
        fault.recoveryFrom('Odoo answering normally again');
        await waitFor(
          'Odoo to hold the WMS values',
          () => (started.odooDifferences().length === 0 ? true : undefined),
          { timeoutMs: 120_000, intervalMs: 1000 },
        );
      },
      async (measured) => {
        await circuit.stop();
        expectRecoveryWithin(fault, measured, 30_000, 'the end of the rate limit');
        const deadLettered = await started.system.metric(
          erpAdapter,
          'ferry_consumer_dead_lettered_total',
          { group: started.group },
        );
        fault.figure('dead-lettered', deadLettered);
        fault.expect(deadLettered === 0, `nothing dead-lettered (${deadLettered} were)`);
        fault.figure('circuit opened', circuit.opened());
        fault.expect(
          circuit.opened(),
          'the circuit breaker of the ERP opened during the outage (ferry_circuit_open 1)',
        );
        const duringLimit = odoo
          .requests({ api: 'json2', since: rateLimited.from })
          .filter((request) => request.at <= rateLimited.to + 1000);
        const { rejected, early } = requestsBeforeRetryAfter(duringLimit, 1000);
        fault.figure('429 answers', rejected);
        fault.figure('requests before Retry-After had passed', early);
        fault.expect(rejected > 0, 'Odoo answered 429 during the rate limit');
        fault.expect(early === 0, `every Retry-After respected (${early} requests came early)`);
      },
    );
  }, 360_000);
});

/** Polls `ferry_circuit_open{downstream="erp"}` of the ERP adapter while the fault lasts. */
class CircuitWatch {
  private open = false;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly flow: ErpSinkFlow) {}

  start(): void {
    this.running = this.poll();
  }

  opened(): boolean {
    return this.open;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async poll(): Promise<void> {
    const { system } = this.flow;
    while (!this.stopped) {
      const value = await system
        .metric(system.erpAdapter, 'ferry_circuit_open', { downstream: 'erp' })
        .catch(() => 0);
      if (value > 0) this.open = true;
      // A sampler: the circuit's gauge is read every half second while the case runs.
      await sleep(500);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
