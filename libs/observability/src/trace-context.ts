import { randomBytes } from 'node:crypto';

/** W3C Trace Context `traceparent`: version 00, 16-byte trace id, 8-byte parent span id, flags. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function isValidTraceparent(value: string | undefined): value is string {
  const match = value === undefined ? null : TRACEPARENT.exec(value);
  return match !== null && !/^0+$/.test(match[1] ?? '') && !/^0+$/.test(match[2] ?? '');
}

/** A new sampled trace, for work that arrives without one. */
export function newTraceparent(): string {
  return `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
}

/** The same trace, with a new span of ours as parent of what follows. */
export function childTraceparent(parent: string): string {
  const match = TRACEPARENT.exec(parent);
  if (!match || !isValidTraceparent(parent)) return newTraceparent();
  return `00-${match[1] ?? ''}-${randomBytes(8).toString('hex')}-${match[3] ?? '01'}`;
}
