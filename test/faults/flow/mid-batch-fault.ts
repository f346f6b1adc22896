import { expectRecoveryWithin, type FaultCase, type Measurement } from '../report/fault-case';
import type { InventoryFlow, Projector } from './inventory-flow';

/** One inventory fault case: what to run, what to strike, how fast it must recover. */
export interface MidBatchFault {
  /** Projector instances started before the load; the fault strikes mid-batch of the first. */
  readonly projectors: readonly [string, ...string[]];
  /**
   * The fault, once the first projector has a transaction open; it calls
   * `fault.recoveryFrom` where recovery is timed from (the fault's end, or the crash).
   */
  readonly strike: (caught: Projector) => Promise<void> | void;
  /** Every affected partition applying again within this long, and what it is timed from. */
  readonly recovery: { readonly withinMs: number; readonly after: string };
  /** Further checks once measured (health, exit codes, dead letters). */
  readonly judge?: (measured: Measurement) => void;
}

/**
 * The shape every inventory case shares: projectors started, the snapshot load running, the
 * fault struck in the middle of a batch, 1500 more events applied, then every acknowledged event
 * waited for; measured and judged whatever happened.
 */
export function runMidBatchFault(
  fault: FaultCase,
  flow: InventoryFlow,
  spec: MidBatchFault,
): Promise<void> {
  return fault.run(
    flow,
    async () => {
      const [first, ...others] = spec.projectors;
      const caught = await flow.startProjector(first);
      for (const label of others) await flow.startProjector(label);
      await flow.underLoad(async () => {
        await flow.midBatch(caught);
        fault.faultBegins();
        await spec.strike(caught);
        await flow.appliedMore(1500, 90_000);
      });
      await flow.caughtUp(90_000);
    },
    (measured) => {
      expectRecoveryWithin(fault, measured, spec.recovery.withinMs, spec.recovery.after);
      spec.judge?.(measured);
    },
  );
}
