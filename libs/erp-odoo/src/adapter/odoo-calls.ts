import { z } from 'zod';
import { OdooDataError } from '../client/errors';
import type { OdooClient, OdooDomain } from '../client/odoo-client';

/** Checks an Odoo answer against what the caller needs; a mismatch is permanent. */
export function expectShape<T>(schema: z.ZodType<T>, answer: unknown, what: string): T {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  throw new OdooDataError(
    `Unexpected answer to ${what}`,
    parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`),
  );
}

export async function searchRead<T>(
  client: OdooClient,
  model: string,
  schema: z.ZodType<T>,
  params: {
    readonly domain: OdooDomain;
    readonly fields: readonly string[];
    readonly limit?: number;
    readonly order?: string;
  },
  context?: Readonly<Record<string, unknown>>,
): Promise<T[]> {
  const answer = await client.call({
    model,
    method: 'search_read',
    params,
    ...(context ? { context } : {}),
  });
  return expectShape(z.array(schema), answer, `${model}.search_read`);
}

/** `read` of known ids; ids that no longer exist are simply missing from the answer. */
export async function readIds<T>(
  client: OdooClient,
  model: string,
  ids: readonly number[],
  fields: readonly string[],
  schema: z.ZodType<T>,
): Promise<T[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const answer = await client.call({ model, method: 'read', ids: unique, params: { fields } });
  return expectShape(z.array(schema), answer, `${model}.read`);
}

/** `create` of one record; Odoo 17+ answers `[id]` for a vals list, older versions `id`. */
export async function createOne(
  client: OdooClient,
  model: string,
  vals: Record<string, unknown>,
  context?: Readonly<Record<string, unknown>>,
): Promise<number> {
  const answer = await client.call({
    model,
    method: 'create',
    params: { vals_list: [vals] },
    ...(context ? { context } : {}),
  });
  const ids = expectShape(
    z.union([z.number().int(), z.tuple([z.number().int()])]),
    answer,
    `${model}.create`,
  );
  return typeof ids === 'number' ? ids : ids[0];
}
