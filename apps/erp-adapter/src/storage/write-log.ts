import type { WriteOutcome } from '@ferry/erp-odoo';
import type { Database } from '@ferry/persistence';

export type ErpWriteOperation = 'upsertSalesOrder' | 'recordGoodsReceipt' | 'setInventoryLevel';

export interface LoggedWrite {
  readonly operation: string;
  readonly erpId: string;
  readonly outcome: string;
}

/**
 * The integration log: one row per ERP write, by correlation id (the event id). Odoo keeps no
 * request ids, so this is where a redelivered event learns that its write already happened.
 * Written with its own statement right after the ERP answered, never inside the consumer's
 * transaction: a rolled-back batch must not forget a write the ERP did make.
 */
export class WriteLog {
  constructor(private readonly database: Database) {}

  async find(correlationId: string): Promise<LoggedWrite | undefined> {
    const { rows } = await this.database.query<{
      operation: string;
      erp_record_id: string;
      outcome: string;
    }>(
      `SELECT operation, erp_record_id, outcome FROM erp_adapter_writes WHERE correlation_id = $1`,
      [correlationId],
    );
    const row = rows[0];
    return row && { operation: row.operation, erpId: row.erp_record_id, outcome: row.outcome };
  }

  async record(
    correlationId: string,
    operation: ErpWriteOperation,
    outcome: WriteOutcome,
  ): Promise<void> {
    await this.database.query(
      `INSERT INTO erp_adapter_writes (correlation_id, operation, erp_record_id, outcome)
       VALUES ($1, $2, $3, $4) ON CONFLICT (correlation_id) DO NOTHING`,
      [correlationId, operation, outcome.erpId, outcome.kind],
    );
  }
}
