import { testEnvironment } from '@ferry/test-support';
import { flowPerCase } from './flow/inventory-flow';
import { runMidBatchFault } from './flow/mid-batch-fault';
import { LocalRegistry } from './infra/local-registry';
import { FaultCase } from './report/fault-case';

/*
 * The schema registry restarted mid-stream (a registry of this file's own, started like the
 * shared one): the WMS adapter keeps publishing, one projector keeps consuming, and a second
 * projector joins the group while the registry is down, so that it must fetch the writer schema
 * of every record it is given. Nothing may be dead-lettered, and everything acknowledged must be
 * applied once the registry answers again: the records name schema ids that must still mean
 * the same schemas after the restart.
 */
describe('faults: the schema registry restarted mid-stream', () => {
  const env = testEnvironment();
  const start = flowPerCase();
  let registry: LocalRegistry | undefined;

  // After each case's flow has stopped (flowPerCase).
  afterAll(async () => {
    await registry?.remove();
  }, 120_000);

  it('dead-letters nothing and catches up after the registry restarts', async () => {
    const fault = new FaultCase('registry restarted', __filename);
    const ownRegistry = await LocalRegistry.start(env);
    registry = ownRegistry;
    fault.figure(
      'id of another subject registered first',
      await ownRegistry.registerAnotherSubject(),
    );
    const started = await start('fault_registry', { ...env, schemaRegistryUrl: ownRegistry.url });
    await runMidBatchFault(fault, started, {
      projectors: ['projector-a'],
      strike: async () => {
        await ownRegistry.down();
        // Joins while the registry is down: it knows no schema yet.
        const joining = started.startProjector('projector-b');
        joining.catch(() => undefined);
        await ownRegistry.up();
        fault.recoveryFrom('the registry answering again');
        await joining;
      },
      recovery: { withinMs: 30_000, after: 'the registry restart' },
    });
  }, 360_000);
});
