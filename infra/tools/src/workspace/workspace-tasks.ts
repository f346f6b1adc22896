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

  /** The TypeScript types and contracts generated from schemas/. */
  generateContracts(): void {
    this.build('libs/contracts/tsconfig.build.json');
    this.run('generating the contracts from schemas/', process.execPath, [
      join(this.root, 'libs', 'contracts', 'dist', 'codegen', 'main.js'),
    ]);
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
    this.run('writing the project references (nx sync)', process.execPath, [
      join(this.root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
      'sync',
    ]);
  }

  /** The Kubernetes manifests, generated again from the apps and the catalog. */
  generateManifests(): void {
    this.build('infra/deploy/tsconfig.build.json');
    this.run('generating the Kubernetes manifests (infra/k8s)', process.execPath, [
      join(this.root, 'infra', 'deploy', 'dist', 'main.js'),
    ]);
  }
}
