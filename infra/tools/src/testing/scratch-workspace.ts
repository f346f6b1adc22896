import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

/**
 * A copy of the workspace in a temporary folder, for running generators where they can change
 * anything: every file git knows (tracked, or new and not ignored) copied, `node_modules` linked
 * to the workspace's own entry by entry, with the `@ferry/*` links pointing into the copy as npm
 * made them. Nothing it does reaches the workspace itself.
 */
export class ScratchWorkspace {
  private constructor(readonly root: string) {}

  static create(): ScratchWorkspace {
    const root = mkdtempSync(join(tmpdir(), 'ferry-workspace-'));
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
      .split('\0')
      .filter((file) => file !== '' && existsSync(join(repoRoot, file)));
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      cpSync(join(repoRoot, file), join(root, file));
    }
    const modules = join(root, 'node_modules');
    mkdirSync(join(modules, '@ferry'), { recursive: true });
    for (const entry of readdirSync(join(repoRoot, 'node_modules'))) {
      if (entry !== '@ferry')
        symlinkSync(join(repoRoot, 'node_modules', entry), join(modules, entry));
    }
    for (const link of readdirSync(join(repoRoot, 'node_modules', '@ferry')))
      symlinkSync(
        readlinkSync(join(repoRoot, 'node_modules', '@ferry', link)),
        join(modules, '@ferry', link),
      );
    return new ScratchWorkspace(root);
  }

  /** What npm install does for a new workspace project: its `@ferry/<name>` link. */
  link(project: string): void {
    const name = project.split('/').pop() ?? project;
    symlinkSync(join('..', '..', project), join(this.root, 'node_modules', '@ferry', name));
  }

  /** Runs a command in the copy: its output (stdout, then stderr), or an error holding it. */
  run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
    const result = spawnSync(command, args, {
      cwd: this.root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true', ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    if (result.error !== undefined || result.status !== 0)
      throw new Error(
        `${args.slice(0, 3).join(' ')} failed (${result.error?.message ?? `exit ${String(result.status)}`}):\n${output.slice(-6000)}`,
      );
    return output;
  }

  node(script: string, args: readonly string[], env?: NodeJS.ProcessEnv): string {
    return this.run(process.execPath, [join(this.root, script), ...args], env);
  }

  nx(args: readonly string[]): string {
    return this.node('node_modules/nx/dist/bin/nx.js', args);
  }

  /** One project's Jest tests (FERRY_INTEGRATION=1: its integration tests too). */
  jest(project: string, env: NodeJS.ProcessEnv = {}): string {
    return this.node(
      'node_modules/jest/bin/jest.js',
      ['--config', `${project}/jest.config.js`, '--ci', '--colors=false'],
      { FERRY_LOG_LEVEL: 'warn', ...env },
    );
  }

  read(path: string): string {
    return readFileSync(join(this.root, path), 'utf8');
  }

  exists(path: string): boolean {
    return existsSync(join(this.root, path));
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
