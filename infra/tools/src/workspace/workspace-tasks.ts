import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * What a generator runs once its files are written, in the workspace it wrote them to: each step
 * a command of the workspace itself (its TypeScript, its codegen, Nx, npm), so that the result is
 * what a developer running them by hand would get.
 */
export class WorkspaceTasks {
  constructor(private readonly root: string) {}

  private run(what: string, command: string, args: readonly string[]): void {
    process.stdout.write(`ferry: ${what}\n`);
    execFileSync(command, args, {
      cwd: this.root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
    });
  }

  /** `tsc --build` of the given build configs (and what they reference). */
  build(...configs: readonly string[]): void {
    const tsc = join(this.root, 'node_modules', 'typescript', 'bin', 'tsc');
    this.run(`building ${configs.join(', ')}`, process.execPath, [tsc, '-b', ...configs]);
  }

  /** Runs a target of a project (Nx builds what it depends on first). */
  private target(what: string, target: string): void {
    this.run(what, process.execPath, [this.nx, 'run', target, '--outputStyle=static']);
  }

  private get nx(): string {
    return join(this.root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
  }

  /** The TypeScript types and contracts generated from schemas/ (the contracts' own target). */
  generateContracts(): void {
    this.target('generating the contracts from schemas/', '@ferry/contracts:generate');
  }

  /** npm links a new workspace project and records it in package-lock.json. */
  install(): void {
    this.run('linking the new project (npm install)', 'npm', [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ]);
  }

  /** Nx writes the TypeScript project references of the project graph. */
  syncReferences(): void {
    this.run('writing the project references (nx sync)', process.execPath, [this.nx, 'sync']);
  }

  /**
   * The Kubernetes manifests, generated again from the apps and the catalog (the deploy project's
   * own target). It reads every app's built configuration, so `apps` are built first: on a fresh
   * clone none is.
   */
  generateManifests(apps: readonly string[]): void {
    this.build(...apps.map((app) => `apps/${app}/tsconfig.build.json`));
    this.target('generating the Kubernetes manifests (infra/k8s)', '@ferry/deploy:generate');
  }
}
