import { listDeadLetterReplays } from '@ferry/persistence';
import type { AuditCommand } from '../cli/arguments';
import { withAuditDatabase } from './audit-database';
import { auditJson, auditLines } from './audit-view';
import { printResult, type CommandContext } from './context';

export async function runAuditCommand(
  command: AuditCommand,
  context: CommandContext,
): Promise<void> {
  const rows = await withAuditDatabase(context.config, (db) =>
    listDeadLetterReplays(db, {
      limit: command.limit,
      ...(command.dlqTopic === undefined ? {} : { dlqTopic: command.dlqTopic }),
    }),
  );
  printResult(context, auditJson(rows), () => auditLines(rows));
}
