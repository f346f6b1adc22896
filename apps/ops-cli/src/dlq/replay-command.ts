import { replayDeadLetters } from '@ferry/kafka-runtime';
import type { ReplayCommand } from '../cli/arguments';
import { UsageError } from '../cli/ops-errors';
import { withAuditDatabase } from './audit-database';
import { printResult, type CommandContext } from './context';
import { replayJson, replayLines } from './replay-view';

export async function runReplayCommand(
  command: ReplayCommand,
  context: CommandContext,
): Promise<void> {
  const requestedBy = command.requestedBy ?? context.config.operator;
  if (requestedBy === '') throw new UsageError('--by <who> is required when $USER is not set');
  const summary = await withAuditDatabase(context.config, (database) =>
    replayDeadLetters(
      { connection: context.config, logger: context.logger, database },
      {
        dlqTopic: command.dlqTopic,
        filter: command.filter,
        target: command.target,
        ratePerSecond: command.ratePerSecond,
        dryRun: command.dryRun,
        requestedBy,
        reason: command.reason,
      },
    ),
  );
  printResult(context, replayJson(command.target, summary), () =>
    replayLines(command.dlqTopic, command.target, summary),
  );
}
