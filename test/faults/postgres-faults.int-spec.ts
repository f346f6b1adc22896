import { firstAnswer, statusesBetween } from './health/health-timeline';
import { flowPerCase, type InventoryFlow } from './flow/inventory-flow';
import { runMidBatchFault } from './flow/mid-batch-fault';
import { isRunning, lastWords } from './flow/process-state';
import { FaultCase } from './report/fault-case';

/*
 * Postgres faults under a busy inventory projector, its connections through a TCP relay: every
 * connection cut in the middle of a batch, and the network to Postgres frozen for 60 s (packets
 * dropped, nothing refused). The projector must hold without crashing, say so on its readiness,
 * stay live, and catch up by itself; the final `inventory_levels` must equal the oracle of what
 * the WMS adapter acknowledged, with nothing lost and nothing applied twice.
 */
describe('faults: Postgres under the inventory projector', () => {
  const start = flowPerCase();

  it('holds and catches up when every Postgres connection is dropped mid-batch', async () => {
    const fault = new FaultCase('postgres connections dropped', __filename);
    const started = await start('fault_pg_drop');
    await runMidBatchFault(fault, started, {
      projectors: ['projector'],
      strike: (projector) => {
        projector.relay.dropConnections();
        fault.recoveryFrom('all connections dropped');
      },
      // One failed statement, a new connection and a short pause of the circuit breaker.
      recovery: { withinMs: 15_000, after: 'the drop' },
    });
  }, 240_000);

  it('holds for 60 s of frozen network to Postgres, reports why, and catches up after', async () => {
    const fault = new FaultCase('postgres frozen 60 s', __filename);
    const started = await start('fault_pg_freeze');
    let thawedAt = 0;
    await runMidBatchFault(fault, started, {
      projectors: ['projector'],
      strike: async (projector) => {
        projector.relay.freeze();
        // The clock is the condition: the network to Postgres stays frozen for the 60 s.
        await new Promise((done) => setTimeout(done, 60_000));
        fault.expect(
          isRunning(projector.service.pid),
          `the projector exited while frozen: ${lastWords(projector.service)}`,
        );
        projector.relay.thaw();
        thawedAt = fault.recoveryFrom('thaw');
      },
      recovery: { withinMs: 20_000, after: 'the thaw' },
      judge: () => {
        checkHealthWhileFrozen(fault, started, thawedAt);
      },
    });
  }, 300_000);
});

/** Readiness says so within 15 s, with a reason; liveness stays 200; ready again after thaw. */
function checkHealthWhileFrozen(fault: FaultCase, flow: InventoryFlow, thawedAt: number): void {
  if (thawedAt === 0) {
    fault.expect(false, 'the case gave up before the thaw: health not judged');
    return;
  }
  const samples = flow.health.samples();
  const notReady = firstAnswer(samples, 'projector', 'ready', 503, fault.faultAt);
  const notReadyAfterMs = notReady === undefined ? undefined : notReady.at - fault.faultAt;
  fault.figure('not ready after (ms)', notReadyAfterMs ?? null);
  fault.figure('not ready because', notReady?.detail ?? null);
  fault.expect(
    notReadyAfterMs !== undefined &&
      notReadyAfterMs <= 15_000 &&
      notReadyAfterMs < thawedAt - fault.faultAt,
    `readiness 503 within 15 s of the freeze (first 503 after ${String(notReadyAfterMs)} ms)`,
  );
  fault.expect(notReady === undefined || notReady.detail !== '', 'the 503 gives a reason');
  const live = statusesBetween(samples, 'projector', 'live', fault.faultAt, thawedAt);
  fault.figure('liveness while frozen', live.join(' → '));
  fault.expect(
    live.length === 1 && live[0] === 200,
    `liveness 200 throughout the freeze (answered ${live.join(' → ')})`,
  );
  const readyAgain = firstAnswer(samples, 'projector', 'ready', 200, thawedAt);
  fault.figure(
    'ready again after thaw (ms)',
    readyAgain === undefined ? null : readyAgain.at - thawedAt,
  );
  fault.expect(readyAgain !== undefined, 'readiness 200 again after the thaw');
}
