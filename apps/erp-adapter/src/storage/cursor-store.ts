import type { CursorStore, OdooChangeCursor } from '@ferry/erp-odoo';
import type { Database } from '@ferry/persistence';
import { z } from 'zod';

const StoredCursor = z.object({ writeDate: z.string(), id: z.number().int() });

/** Catch-up cursors in `erp_adapter_cursors`, one row per stream (`odoo:purchaseOrder`, ...). */
export class PostgresCursorStore implements CursorStore<OdooChangeCursor> {
  constructor(private readonly database: Database) {}

  async load(stream: string): Promise<OdooChangeCursor | undefined> {
    const { rows } = await this.database.query<{ cursor: unknown }>(
      `SELECT cursor FROM erp_adapter_cursors WHERE stream = $1`,
      [stream],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    const parsed = StoredCursor.safeParse(row.cursor);
    if (!parsed.success)
      throw new Error(`stored cursor of ${stream} is unreadable: ${JSON.stringify(row.cursor)}`);
    return parsed.data;
  }

  async save(stream: string, cursor: OdooChangeCursor): Promise<void> {
    await this.database.query(
      `INSERT INTO erp_adapter_cursors (stream, cursor) VALUES ($1, $2)
       ON CONFLICT (stream) DO UPDATE SET cursor = EXCLUDED.cursor, updated_at = now()`,
      [stream, JSON.stringify(cursor)],
    );
  }
}
