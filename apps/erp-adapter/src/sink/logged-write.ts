import type { WriteOutcome } from '@ferry/erp-odoo';
import type { ErpWriteOperation, LoggedWrite } from '../storage/write-log';

/** The part of the integration log a write needs. */
export interface WriteLogPort {
  find(correlationId: string): Promise<LoggedWrite | undefined>;
  record(correlationId: string, operation: ErpWriteOperation, outcome: WriteOutcome): Promise<void>;
}

export type LoggedWriteResult =
  | { readonly kind: 'written'; readonly outcome: WriteOutcome }
  | { readonly kind: 'already-written'; readonly earlier: LoggedWrite };

/**
 * One ERP write under a correlation id (the event id): when the integration log already holds
 * the id, the earlier result is returned and the ERP is not called; otherwise the write is made
 * and its result logged at once. A crash between the two leaves no log row: the redelivered
 * event writes again, and the write's own idempotency (external id, receipt marker, absolute
 * quantity) makes that harmless.
 */
export async function writeOnce(
  log: WriteLogPort,
  correlationId: string,
  operation: ErpWriteOperation,
  write: () => Promise<WriteOutcome>,
): Promise<LoggedWriteResult> {
  const earlier = await log.find(correlationId);
  if (earlier !== undefined) return { kind: 'already-written', earlier };
  const outcome = await write();
  await log.record(correlationId, operation, outcome);
  return { kind: 'written', outcome };
}
