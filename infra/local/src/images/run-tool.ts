import { spawn } from 'node:child_process';

export interface ToolResult {
  readonly exitCode: number;
  /** stdout and stderr interleaved as they arrived. */
  readonly output: string;
}

export interface ToolOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Each line of output as it arrives (a build's progress); otherwise the output is only kept. */
  readonly onLine?: (line: string) => void;
}

/**
 * Runs a command to its end and returns its exit code and output; rejects only when it cannot
 * start at all (not installed).
 */
export function runTool(
  command: string,
  args: readonly string[],
  options: ToolOptions = {},
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let partial = '';
    const collect = (chunk: Buffer): void => {
      const text = chunk.toString();
      output += text;
      if (options.onLine === undefined) return;
      const lines = (partial + text).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) options.onLine(line);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (partial !== '') options.onLine?.(partial);
      resolve({ exitCode: code ?? (signal === null ? 1 : 128), output });
    });
  });
}

/** Like runTool, but a non-zero exit is an error carrying the command's last output. */
export async function runToolOrFail(
  command: string,
  args: readonly string[],
  options: ToolOptions = {},
): Promise<string> {
  const result = await runTool(command, args, options);
  if (result.exitCode !== 0)
    throw new Error(
      `${command} ${args.slice(0, 3).join(' ')} failed (exit ${result.exitCode}):\n${result.output.slice(-3000)}`,
    );
  return result.output;
}
