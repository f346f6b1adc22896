import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields of a structured log line (see logger.ts). */
export type LogFields = Readonly<Record<string, unknown>>;

/**
 * Fields every log line carries while a piece of work runs (the event id of the event being
 * applied), whatever code writes the line. Kept apart from the trace context so that they hold
 * with tracing switched off too.
 */
const storage = new AsyncLocalStorage<LogFields>();

export function withLogFields<T>(fields: LogFields, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...fields }, work);
}

export function currentLogFields(): LogFields | undefined {
  return storage.getStore();
}

/** Runs `work` without the fields of the work under way (for work it starts but does not own). */
export function withoutLogFields<T>(work: () => T): T {
  return storage.exit(work);
}
