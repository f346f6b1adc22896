import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { commandReferences, exampleOverlay, shellCommands } from './deploy-doc';
import { repoRoot } from './paths';

/** An object as `kubectl kustomize` renders it. */
export interface RenderedObject {
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly labels?: Record<string, string> };
  readonly data?: Record<string, string>;
  readonly [field: string]: unknown;
}

type Render = (dir: string) => { problems: string[]; objects: RenderedObject[] };

/** The example overlay's own settings: what rendering it must show. */
interface ExampleSettings {
  readonly images?: { name: string; newName?: string }[];
  readonly configMapGenerator?: { name: string; literals?: string[] }[];
}

/**
 * Holds docs/deploy.md against the generated tree written at `root` (the layout of infra/k8s):
 * every `npm run` script exists, every kustomization it applies or renders renders and
 * validates, every Secret it creates is one the manifests read, every Job selector it waits on
 * selects exactly the migrate Jobs, and its example overlay renders with its settings in effect.
 */
export function checkDeployDoc(root: string, render: Render): string[] {
  const markdown = readFileSync(join(repoRoot, 'docs', 'deploy.md'), 'utf8');
  const references = commandReferences(shellCommands(markdown));
  const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const problems = [...new Set(references.scripts)]
    .filter((script) => scripts[script] === undefined)
    .map((script) => `npm run ${script}: no such script`);

  const rendered = new Map<string, RenderedObject[]>();
  for (const dir of new Set(references.kustomizations)) {
    if (!dir.startsWith('infra/k8s/')) {
      problems.push(`${dir}: not a kustomization of infra/k8s`);
      continue;
    }
    const result = render(join(root, dir.slice('infra/k8s/'.length)));
    problems.push(...result.problems.map((problem) => `${dir}: ${problem}`));
    rendered.set(dir, result.objects);
  }
  const everything = [...rendered.values()].flat();

  const secretsRead = new Set(secretNames(everything));
  for (const secret of references.secrets)
    if (!secretsRead.has(secret)) problems.push(`secret ${secret}: no manifest reads it`);

  const jobs = everything.filter((object) => object.kind === 'Job');
  const migrateJobs = new Set(
    jobs
      .filter((job) => job.metadata?.labels?.['app.kubernetes.io/component'] === 'migrate')
      .map((job) => job.metadata?.name),
  );
  for (const selector of references.jobSelectors) {
    const selected = new Set(
      jobs.filter((job) => matches(job, selector)).map((job) => job.metadata?.name),
    );
    if (selected.size === 0 || [...migrateJobs].some((name) => !selected.has(name)))
      problems.push(
        `job -l ${selector}: selects ${selected.size} of the ${migrateJobs.size} migrate Jobs`,
      );
  }

  problems.push(...checkExample(root, markdown, render, everything));
  return problems;
}

/** Renders the example overlay beside the tree and looks for its settings in the result. */
function checkExample(
  root: string,
  markdown: string,
  render: Render,
  base: readonly RenderedObject[],
): string[] {
  const example = exampleOverlay(markdown);
  const dir = join(root, 'examples', example.dir);
  mkdirSync(dir, { recursive: true });
  // The page's overlay sits beside the repository's infra/; here beside the tree's overlays/.
  writeFileSync(
    join(dir, 'kustomization.yaml'),
    example.text.replaceAll('../infra/k8s/', '../../'),
  );
  const { problems, objects } = render(dir);
  const settings = parse(example.text) as ExampleSettings;
  for (const generator of settings.configMapGenerator ?? []) {
    const configMap = configMapOf(objects, generator.name);
    const known = configMapOf(base, generator.name)?.data ?? {};
    for (const literal of generator.literals ?? []) {
      const [key = '', ...value] = literal.split('=');
      // A merge adds what it names: a misspelt variable would be a new key no service reads.
      if (!(key in known)) problems.push(`example overlay: ${generator.name} has no ${key}`);
      if (configMap?.data?.[key] !== value.join('='))
        problems.push(`example overlay: ${generator.name} does not hold ${literal}`);
    }
  }
  const images = JSON.stringify(objects);
  for (const image of settings.images ?? [])
    if (image.newName !== undefined && !images.includes(`"image":"${image.newName}:`))
      problems.push(`example overlay: no container runs ${image.newName}`);
  return problems.map((problem) =>
    problem.startsWith('example') ? problem : `example overlay: ${problem}`,
  );
}

/** The generated ConfigMap `<name>-<hash>`. */
function configMapOf(objects: readonly RenderedObject[], name: string): RenderedObject | undefined {
  return objects.find(
    (object) => object.kind === 'ConfigMap' && object.metadata?.name?.startsWith(`${name}-`),
  );
}

/** Names of the Secrets objects read: env `secretKeyRef`s and `secret` volumes. */
function secretNames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(secretNames);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own: string[] = [];
  const keyRef = record['secretKeyRef'] as { name?: string } | undefined;
  if (typeof keyRef?.name === 'string') own.push(keyRef.name);
  if (typeof record['secretName'] === 'string') own.push(record['secretName']);
  return [...own, ...Object.values(record).flatMap(secretNames)];
}

/** A `k=v[,k=v]` label selector against an object's labels. */
function matches(object: RenderedObject, selector: string): boolean {
  return selector.split(',').every((term) => {
    const [key = '', value] = term.split('=');
    return object.metadata?.labels?.[key] === value;
  });
}
