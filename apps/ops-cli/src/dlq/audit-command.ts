import { listDeadLetterReplays } from '@ferry/persistence';
import type { AuditCommand } from '../cli/arguments';
import { withOperatorSession } from '../operator/operator-session';
import { auditJson, auditLines } from './audit-view';
import { printResult, type CommandContext } from './context';

export async function runAuditCommand(
  command: AuditCommand,
  context: CommandContext,
): Promise<void> {
  const rows = await withOperatorSession(context.config, ({ database }) =>
    listDeadLetterReplays(database, {
      limit: command.limit,
      ...(command.dlqTopic === undefined ? {} : { dlqTopic: command.dlqTopic }),
    }),
  );
  printResult(context, auditJson(rows), () => auditLines(rows));
}
