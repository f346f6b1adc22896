import type { EventEnvelope } from '@ferry/contracts';
import type { ApplyOutcome, ConsumedEvent, SinkGuard } from '@ferry/kafka-runtime';
import { withLogFields } from '@ferry/observability';
import type { Transaction } from '@ferry/persistence';
import type { ErpSink, ErpWriter } from './erp-sinks';
import { writeOnce, type WriteLogPort } from './logged-write';

export interface ErpWriteDeps {
  readonly erp: ErpWriter;
  readonly guard: SinkGuard;
  readonly log: WriteLogPort;
}

/**
 * The sink's handler: each event in turn (the ERP takes one call at a time, paced) is dropped as
 * an echo, dropped as stale (older than what the ERP has), found in the integration log, or
 * written. Throwing (Odoo down, a missing product) rolls the slice back; the runtime retries each
 * event alone, and the ones already written find their log rows.
 */
export async function applyErpWrites<T extends EventEnvelope>(
  sink: ErpSink<T>,
  deps: ErpWriteDeps,
  tx: Transaction,
  events: readonly ConsumedEvent<T>[],
): Promise<ApplyOutcome> {
  const outcome: Record<string, number> = {};
  const count = (name: string): void => {
    outcome[name] = (outcome[name] ?? 0) + 1;
  };
  for (const event of events) {
    // Every log line of the event's write names it.
    count(
      await withLogFields({ event_id: event.value.eventId }, () =>
        applyErpWrite(sink, deps, tx, event),
      ),
    );
  }
  return outcome;
}

/** One event: the name of its outcome. */
async function applyErpWrite<T extends EventEnvelope>(
  sink: ErpSink<T>,
  deps: ErpWriteDeps,
  tx: Transaction,
  event: ConsumedEvent<T>,
): Promise<string> {
  if (deps.guard.isEcho(event.headers, event.value.sourceSystem)) return 'echo';
  if (sink.versionGuard && !(await sink.versionGuard.isNewer(tx, event))) return 'stale';
  const result = await writeOnce(deps.log, event.value.eventId, sink.operation, () =>
    sink.write(deps.erp, event.value),
  );
  await sink.versionGuard?.remember(tx, event);
  return result.kind === 'written' ? result.outcome.kind : 'already-written';
}
