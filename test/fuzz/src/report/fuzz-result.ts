import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FuzzOptions } from '../cli-options';
import type { Finding } from '../checks/rules';
import type { FuzzVerdict } from '../checks/verdict';

/** What a run saves to `fuzz-results/`: its parameters, figures, broken rules and findings. */
export interface FuzzResult {
  readonly startedAt: string;
  readonly seconds: number;
  readonly commit: string;
  readonly options: FuzzOptions;
  readonly drained: boolean;
  readonly verdict: Omit<FuzzVerdict, 'findings'> & { readonly findings: readonly Finding[] };
  readonly findingsLeftOut: number;
}

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

/** The commit the run tested, with `+dirty` when the tree differs from it. */
export function testedCommit(): string {
  try {
    const run = (...args: string[]) =>
      execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' }).trim();
    return `${run('rev-parse', '--short', 'HEAD')}${run('status', '--porcelain') ? '+dirty' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** Writes `fuzz-results/<time>-seed<seed>.json`; keeps the first `maxFindings` findings. */
export function saveFuzzResult(
  result: Omit<FuzzResult, 'findingsLeftOut'>,
  maxFindings = 2000,
): string {
  const dir = join(repoRoot, 'fuzz-results');
  mkdirSync(dir, { recursive: true });
  const file = join(
    dir,
    `${result.startedAt.replace(/[:.]/g, '-')}-seed${result.options.seed}.json`,
  );
  const { findings } = result.verdict;
  const saved: FuzzResult = {
    ...result,
    verdict: { ...result.verdict, findings: findings.slice(0, maxFindings) },
    findingsLeftOut: Math.max(findings.length - maxFindings, 0),
  };
  writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`);
  return file;
}
