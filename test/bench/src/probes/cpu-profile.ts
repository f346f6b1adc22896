import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A V8 CPU profile as `--cpu-prof` writes it (the fields read here). */
interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string };
  }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileShare {
  /** `(garbage collector)`, a package (`kafkajs`, `pg`), a Ferry file (`libs/kafka-runtime/…`), `node:…`. */
  readonly where: string;
  readonly share: number;
}

/**
 * Self time of a CPU profile (shares of the busy time) by where the code lives: each sample goes to the package or the
 * Ferry source file of the function it landed in. What an engineer reads first in a profile.
 */
export function summarizeProfile(profile: CpuProfile, top = 14): ProfileShare[] {
  const whereById = new Map(profile.nodes.map((node) => [node.id, placeOf(node.callFrame)]));
  const time = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    const where = whereById.get(id) ?? '(unknown)';
    time.set(where, (time.get(where) ?? 0) + delta);
    if (where !== '(idle)') total += delta;
  });
  return [...time]
    .filter(([where]) => where !== '(idle)')
    .map(([where, spent]) => ({ where, share: total > 0 ? spent / total : 0 }))
    .sort((a, b) => b.share - a.share)
    .slice(0, top);
}

function placeOf(frame: { functionName: string; url: string }): string {
  if (frame.url === '') return `(${frame.functionName.replace(/^\(|\)$/g, '') || 'native'})`;
  const modules = frame.url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope = '', name = ''] = frame.url.slice(modules + 14).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (frame.url.startsWith('node:')) return frame.url;
  const ferry = /\/((?:libs|apps)\/[^/]+)\/dist\/(.+)\.js$/.exec(frame.url);
  return ferry ? `${ferry[1]}/${ferry[2]}` : frame.url;
}

/** The profile `--cpu-prof --cpu-prof-dir=<dir>` left in `dir` (one process, one file). */
export function readProfileFrom(dir: string): CpuProfile {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
}
