import { execFile } from 'node:child_process';

export interface CommandResult {
  readonly exitCode: number;
  /** stdout and stderr interleaved as they arrived. */
  readonly output: string;
}

/** Runs a command to completion; `undefined` when it cannot be run at all (e.g. not installed). */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CommandResult | undefined> {
  return new Promise((resolve) => {
    let output = '';
    const child = execFile(command, [...args], {
      cwd: options.cwd,
      timeout: options.timeoutMs ?? 0,
      maxBuffer: 64 * 1024 * 1024,
    });
    child.stdout?.on('data', (chunk: Buffer | string) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer | string) => (output += chunk.toString()));
    child.once('error', () => {
      resolve(undefined);
    });
    child.once('close', (code) => {
      resolve({ exitCode: code ?? 1, output });
    });
  });
}
