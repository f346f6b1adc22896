import { z } from 'zod';
import { OdooDataError } from '../client/errors';
import type { OdooClient, OdooDomain } from '../client/odoo-client';
import {
  CHANGE_ORDER,
  changedAfterDomain,
  cursorAfter,
  settleBound,
  type OdooChangeCursor,
} from './change-cursor';

/** The default settle window of catch-up reading (see settleBound). */
export const DEFAULT_SETTLE_MS = 60_000;

export interface ChangeQuery {
  readonly model: string;
  /** Fields to read; `id` and `write_date` are always added. */
  readonly fields: readonly string[];
  /** Narrows the model, e.g. customer invoices only. */
  readonly filter?: OdooDomain;
  readonly cursor: OdooChangeCursor | undefined;
  /** Records per page (one request). */
  readonly limit: number;
  readonly settleMs: number;
  readonly nowMs: number;
}

const ChangedRowSchema = z.looseObject({ id: z.number().int().positive(), write_date: z.string() });
export type ChangedRow = z.infer<typeof ChangedRowSchema>;

export interface ChangedRows {
  readonly rows: readonly ChangedRow[];
  readonly next: OdooChangeCursor | undefined;
  readonly hasMore: boolean;
}

/** One page of records of `query.model` written after the cursor, oldest first. */
export async function readChangedRows(
  client: OdooClient,
  query: ChangeQuery,
): Promise<ChangedRows> {
  if (!(Number.isInteger(query.limit) && query.limit >= 1))
    throw new RangeError(`page limit ${query.limit} is not a positive integer`);
  const answer = await client.call({
    model: query.model,
    method: 'search_read',
    params: {
      domain: changedAfterDomain(
        query.cursor,
        settleBound(query.nowMs, query.settleMs),
        query.filter,
      ),
      fields: [...new Set(['id', 'write_date', ...query.fields])],
      order: CHANGE_ORDER,
      limit: query.limit,
    },
  });
  const parsed = z.array(ChangedRowSchema).safeParse(answer);
  if (!parsed.success)
    throw new OdooDataError(
      `search_read of ${query.model} did not return records with id and write_date`,
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  const rows = parsed.data;
  return { rows, next: cursorAfter(query.cursor, rows), hasMore: rows.length === query.limit };
}
