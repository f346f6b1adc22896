import { listParkedKeys, releaseParkedKey } from '@ferry/kafka-runtime';
import type { ParkedListCommand, ParkedReleaseCommand } from '../cli/arguments';
import { UsageError } from '../cli/ops-errors';
import { withAuditDatabase } from '../dlq/audit-database';
import { printResult, type CommandContext } from '../dlq/context';
import { parkedJson, parkedLines, releasedLines } from './parked-view';

export async function runParkedListCommand(
  command: ParkedListCommand,
  context: CommandContext,
): Promise<void> {
  const keys = await withAuditDatabase(context.config, (db) =>
    listParkedKeys(db, command.filter, command.limit),
  );
  printResult(context, parkedJson(keys), () => parkedLines(keys));
}

export async function runParkedReleaseCommand(
  command: ParkedReleaseCommand,
  context: CommandContext,
): Promise<void> {
  const requestedBy = command.requestedBy ?? context.config.operator;
  if (requestedBy === '') throw new UsageError('--by <who> is required when $USER is not set');
  const released = await withAuditDatabase(context.config, (db) =>
    releaseParkedKey(db, {
      group: command.group,
      topic: command.topic,
      key: command.key,
      requestedBy,
      reason: command.reason,
    }),
  );
  printResult(context, released, () => releasedLines(command, released));
}
