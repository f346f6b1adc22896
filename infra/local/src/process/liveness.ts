import { readFileSync } from 'node:fs';

/** True when `pid` exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error: unknown) {
    // EPERM: it exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
  return processState(pid) !== 'Z';
}

/** The process's arguments (argv[0] first), or undefined where /proc is unavailable. */
export function argumentsOf(pid: number): string[] | undefined {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (args.at(-1) === '') args.pop();
    return args;
  } catch {
    return undefined;
  }
}

/** The process's command line joined by spaces, or undefined where /proc is unavailable. */
export function commandLineOf(pid: number): string | undefined {
  return argumentsOf(pid)?.join(' ');
}

function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the parenthesised command name, which may itself contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).charAt(0);
  } catch {
    return undefined;
  }
}
