import { listDeadLetters } from '@ferry/kafka-runtime';
import type { ListCommand } from '../cli/arguments';
import { printResult, type CommandContext } from './context';
import { listingJson, listingLines } from './record-view';

export async function runListCommand(command: ListCommand, context: CommandContext): Promise<void> {
  const listing = await listDeadLetters(
    { connection: context.config, logger: context.logger },
    { dlqTopic: command.dlqTopic, filter: command.filter, limit: command.limit },
  );
  printResult(context, listingJson(command.dlqTopic, listing), () =>
    listingLines(command.dlqTopic, listing),
  );
}
