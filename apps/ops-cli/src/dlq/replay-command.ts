import { replayDeadLetters } from '@ferry/kafka-runtime';
import type { ReplayCommand } from '../cli/arguments';
import { withOperatorSession } from '../operator/operator-session';
import { printResult, type CommandContext } from './context';
import { replayJson, replayLines } from './replay-view';

export async function runReplayCommand(
  command: ReplayCommand,
  context: CommandContext,
): Promise<void> {
  const { operator, summary } = await withOperatorSession(
    context.config,
    async ({ operator, database }) => ({
      operator,
      summary: await replayDeadLetters(
        { connection: context.config, logger: context.logger, database },
        {
          dlqTopic: command.dlqTopic,
          filter: command.filter,
          target: command.target,
          ratePerSecond: command.ratePerSecond,
          dryRun: command.dryRun,
          reason: command.reason,
        },
      ),
    }),
  );
  printResult(context, replayJson(command.target, operator, summary), () =>
    replayLines(command.dlqTopic, command.target, operator, summary),
  );
}
