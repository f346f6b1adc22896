import type { WriteOutcome } from '@ferry/erp-odoo';
import type { LoggedWrite } from '../storage/write-log';
import { writeOnce, type WriteLogPort } from './logged-write';

function memoryLog(): WriteLogPort & { rows: Map<string, LoggedWrite> } {
  const rows = new Map<string, LoggedWrite>();
  return {
    rows,
    find: (id) => Promise.resolve(rows.get(id)),
    record: (id, operation, outcome) => {
      rows.set(id, { operation, erpId: outcome.erpId, outcome: outcome.kind });
      return Promise.resolve();
    },
  };
}

describe('writeOnce', () => {
  it('writes once and returns the earlier result for a redelivered event', async () => {
    const log = memoryLog();
    const write = jest.fn((): Promise<WriteOutcome> =>
      Promise.resolve({ kind: 'created', erpId: '7' }),
    );
    const first = await writeOnce(log, 'event-1', 'upsertSalesOrder', write);
    const again = await writeOnce(log, 'event-1', 'upsertSalesOrder', write);
    expect(first).toEqual({ kind: 'written', outcome: { kind: 'created', erpId: '7' } });
    expect(again).toEqual({
      kind: 'already-written',
      earlier: { operation: 'upsertSalesOrder', erpId: '7', outcome: 'created' },
    });
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('logs nothing when the write fails, so a retry writes again', async () => {
    const log = memoryLog();
    await expect(
      writeOnce(log, 'event-2', 'setInventoryLevel', () => Promise.reject(new Error('down'))),
    ).rejects.toThrow('down');
    expect(log.rows.size).toBe(0);
  });
});
