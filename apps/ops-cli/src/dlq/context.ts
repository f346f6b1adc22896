import type { Logger } from '@ferry/observability';
import type { OpsCliConfig } from '../config';

/** What every command gets: configuration read once, a logger and where its output goes. */
export interface CommandContext {
  readonly config: OpsCliConfig;
  readonly logger: Logger;
  readonly json: boolean;
  readonly print: (line: string) => void;
}

export function printResult(context: CommandContext, json: unknown, lines: () => string[]): void {
  if (context.json) context.print(JSON.stringify(json, null, 2));
  else for (const line of lines()) context.print(line);
}
