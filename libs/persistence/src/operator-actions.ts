import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from './database';
import type { JsonObject } from './dead-letter-replays';

export interface OperatorAction {
  /** What was done, as the command names it: `acls apply`. */
  readonly action: string;
  readonly reason: string | undefined;
  /** The operation's own details, as JSON. */
  readonly detail: JsonObject;
}

/**
 * Records an audited operation. Who did it is not the caller's to say: the database records the
 * role the session authenticated as (migration 004). Returns the row's id and that role.
 */
export async function recordOperatorAction(
  db: SqlExecutor,
  action: OperatorAction,
): Promise<{ actionId: string; operator: string }> {
  const actionId = randomUUID();
  const { rows } = await db.query<{ operator: string }>(
    `INSERT INTO ferry_operator_actions (action_id, action, reason, detail)
     VALUES ($1, $2, $3, $4::jsonb) RETURNING operator`,
    [actionId, action.action, action.reason ?? null, JSON.stringify(action.detail)],
  );
  return { actionId, operator: rows[0]?.operator ?? '' };
}
