import { ensureRole } from '@ferry/persistence';

/** The ops CLI's default group of operators (FERRY_DB_OPERATOR_ROLE). */
export const OPERATOR_ROLE = 'ferry_operator';

/**
 * Creates the operators' group role on the server Ferry uses, so that the ops CLI works locally
 * (the local superuser counts as a member of every role). Services and their migrate steps run
 * locally as the role of DATABASE_URL. A server where that role may not create roles keeps
 * what it has: the CLI then names the missing role.
 */
export async function ensureOperatorRole(
  databaseUrl: string,
  log: (line: string) => void,
): Promise<void> {
  try {
    if (await ensureRole(databaseUrl, { name: OPERATOR_ROLE, login: false }))
      log(`postgres: created the group role ${OPERATOR_ROLE} (operators of the ops CLI)`);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    log(
      `postgres: could not create the group role ${OPERATOR_ROLE} (${reason}); the ops CLI needs it`,
    );
  }
}
