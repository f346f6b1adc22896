import { OdooDataError } from '../client/errors';
import { ScriptedOdooClient } from '../testing/scripted-client';
import { cursorAfter, type OdooChangeCursor } from './change-cursor';
import { readChangedRows } from './read-changes';

interface Row {
  readonly id: number;
  readonly write_date: string;
}

/** A tiny in-memory Odoo search_read over rows, honouring the cursor domain and the limit. */
function odooOver(rows: Row[]) {
  return new ScriptedOdooClient({
    'purchase.order.search_read': (call) => {
      const domain = call.params?.['domain'] as unknown[];
      const limit = call.params?.['limit'] as number;
      const after = domain[0] === '|' ? (domain[1] as [string, string, string]) : undefined;
      const afterId = domain[0] === '|' ? (domain[4] as [string, string, number]) : undefined;
      return [...rows]
        .sort((a, b) => a.write_date.localeCompare(b.write_date) || a.id - b.id)
        .filter(
          (r) =>
            !after ||
            !afterId ||
            r.write_date > after[2] ||
            (r.write_date === after[2] && r.id > afterId[2]),
        )
        .slice(0, limit);
    },
  });
}

const query = { model: 'purchase.order', fields: ['name'], limit: 2, settleMs: 0, nowMs: 0 };

describe('readChangedRows', () => {
  it('pages through records sharing one write_date without skipping or repeating any', async () => {
    const rows = [5, 1, 4, 2, 3].map((id) => ({ id, write_date: '2026-03-01 09:00:00' }));
    rows.push({ id: 6, write_date: '2026-03-01 09:00:01' });
    const client = odooOver(rows);
    const seen: number[] = [];
    let cursor: OdooChangeCursor | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await readChangedRows(client, { ...query, cursor });
      seen.push(...result.rows.map((r) => r.id));
      cursor = result.next;
      if (!result.hasMore) break;
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cursor).toEqual({ writeDate: '2026-03-01 09:00:01', id: 6 });
  });

  it('asks Odoo for the cursor order, the page limit and id and write_date', async () => {
    const client = odooOver([]);
    await readChangedRows(client, { ...query, cursor: undefined, settleMs: 60_000, nowMs: 60_000 });
    expect(client.calls[0]).toEqual({
      model: 'purchase.order',
      method: 'search_read',
      params: {
        domain: [['write_date', '<', '1970-01-01 00:00:00']],
        fields: ['id', 'write_date', 'name'],
        order: 'write_date asc, id asc',
        limit: 2,
      },
    });
  });

  it('keeps the cursor when nothing changed', async () => {
    const cursor = { writeDate: '2026-03-01 09:00:00', id: 4 };
    const result = await readChangedRows(odooOver([]), { ...query, cursor });
    expect(result).toEqual({ rows: [], next: cursor, hasMore: false });
    expect(cursorAfter(cursor, result.rows)).toBe(cursor);
  });

  it('refuses an answer without ids and write dates as permanent data trouble', async () => {
    const client = new ScriptedOdooClient({ 'purchase.order.search_read': () => [{ id: 1 }] });
    await expect(readChangedRows(client, { ...query, cursor: undefined })).rejects.toBeInstanceOf(
      OdooDataError,
    );
  });
});
