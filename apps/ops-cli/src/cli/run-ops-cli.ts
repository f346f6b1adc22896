import { jsonLogger, silentLogger } from '@ferry/observability';
import { runAclsCommand } from '../acls/acls-command';
import { readOpsCliConfig } from '../config';
import { runAuditCommand } from '../dlq/audit-command';
import type { CommandContext } from '../dlq/context';
import { runListCommand } from '../dlq/list-command';
import { runReplayCommand } from '../dlq/replay-command';
import { runParkedListCommand, runParkedReleaseCommand } from '../parked/parked-commands';
import { parseCommandLine, type OpsCommand } from './arguments';
import { describeFailure } from './describe-failure';
import { USAGE } from './usage';

export interface OpsCliIo {
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** Runs one command line; resolves to the exit code (0 done, 1 failed) and never throws. */
export async function runOpsCli(argv: readonly string[], io: OpsCliIo): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.help) {
      io.out(USAGE);
      return 0;
    }
    await runCommand(parsed.command, {
      config: readOpsCliConfig(io.env),
      // Kafka client warnings are noise on a terminal unless asked for; failures surface as errors.
      logger: parsed.verbose ? jsonLogger('ops-cli') : silentLogger,
      json: parsed.json,
      print: io.out,
    });
    return 0;
  } catch (error: unknown) {
    io.err(describeFailure(error));
    return 1;
  }
}

function runCommand(command: OpsCommand, context: CommandContext): Promise<void> {
  switch (command.name) {
    case 'dlq list':
      return runListCommand(command, context);
    case 'dlq replay':
      return runReplayCommand(command, context);
    case 'dlq audit':
      return runAuditCommand(command, context);
    case 'parked list':
      return runParkedListCommand(command, context);
    case 'parked release':
      return runParkedReleaseCommand(command, context);
    case 'acls plan':
    case 'acls apply':
      return runAclsCommand(command, context);
  }
}
