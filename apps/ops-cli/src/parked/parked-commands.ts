import { listParkedKeys, releaseParkedKey } from '@ferry/kafka-runtime';
import type { ParkedListCommand, ParkedReleaseCommand } from '../cli/arguments';
import { withOperatorSession } from '../operator/operator-session';
import { printResult, type CommandContext } from '../dlq/context';
import { parkedJson, parkedLines, releasedLines } from './parked-view';

export async function runParkedListCommand(
  command: ParkedListCommand,
  context: CommandContext,
): Promise<void> {
  const keys = await withOperatorSession(context.config, ({ database }) =>
    listParkedKeys(database, command.filter, command.limit),
  );
  printResult(context, parkedJson(keys), () => parkedLines(keys));
}

export async function runParkedReleaseCommand(
  command: ParkedReleaseCommand,
  context: CommandContext,
): Promise<void> {
  const released = await withOperatorSession(context.config, async ({ operator, database }) => ({
    operator,
    ...(await releaseParkedKey(database, {
      group: command.group,
      topic: command.topic,
      key: command.key,
      reason: command.reason,
    })),
  }));
  printResult(context, released, () => releasedLines(command, released));
}
