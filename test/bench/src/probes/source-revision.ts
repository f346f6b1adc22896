import { execFileSync } from 'node:child_process';

/** Which code was measured: figures of a dirty tree are not those of its commit. */
export interface SourceRevision {
  readonly commit: string;
  /** Files `git status` lists as changed or new; others edit the tree while a run goes. */
  readonly uncommittedFiles: number;
}

export function readSourceRevision(repoRoot: string): SourceRevision {
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  try {
    return {
      commit: git('rev-parse', 'HEAD').trim(),
      uncommittedFiles: git('status', '--porcelain').split('\n').filter(Boolean).length,
    };
  } catch {
    return { commit: 'unknown (no git)', uncommittedFiles: 0 };
  }
}
