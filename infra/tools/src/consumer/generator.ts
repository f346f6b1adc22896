import { formatFiles, type Tree } from '@nx/devkit';
import { addServiceAccess, addWorkload } from '../catalog-edits';
import type { CatalogTopic } from '../catalog-reading';
import { CatalogFiles, schemasDir } from '../paths';
import { readRequired } from '../tree-files';
import { WorkspaceTasks } from '../workspace/workspace-tasks';
import { planConsumer, type ConsumerPlan, type WorkspaceView } from './consumer-plan';
import type { ConsumerGeneratorOptions } from './options';
import { sinkFiles } from './sink-files';
import { skeletonFiles } from './skeleton-files';
import { stateFiles } from './state-files';

const PORT = /(?:serviceOptions|httpServerOptions)\((\d+)\)|\bport: (\d+),/g;

function workspaceView(tree: Tree): WorkspaceView {
  const apps = tree.children('apps');
  return {
    topics: readRequired(tree, CatalogFiles.topics),
    ownership: readRequired(tree, CatalogFiles.ownership),
    appExists: (app) => tree.exists(`apps/${app}`),
    newestSchema: (topic: CatalogTopic) => {
      const folder = `${schemasDir}/${topic.schemaFolder}`;
      const pattern = new RegExp(`^${topic.eventType}\\.v(\\d+)\\.avsc$`);
      const newest = tree
        .children(folder)
        .flatMap((file) => {
          const version = pattern.exec(file)?.[1];
          return version === undefined ? [] : [{ file, version: Number(version) }];
        })
        .sort((a, b) => b.version - a.version)[0];
      if (newest === undefined) throw new Error(`${folder} has no ${topic.eventType} schema`);
      return JSON.parse(readRequired(tree, `${folder}/${newest.file}`)) as unknown;
    },
    portsInUse: apps.flatMap((app) =>
      [...(tree.read(`apps/${app}/src/config.ts`, 'utf-8') ?? '').matchAll(PORT)].map((match) =>
        Number(match[1] ?? match[2]),
      ),
    ),
  };
}

function appFiles(plan: ConsumerPlan): Record<string, string> {
  return {
    ...skeletonFiles(plan),
    ...(plan.kind === 'state' ? stateFiles(plan) : sinkFiles(plan)),
  };
}

/**
 * `nx g @ferry/tools:consumer <name> --event <Name> --kind state|sink`: an app hosted by Ferry's
 * consumer host — its declaration, its migration and version-guarded upsert (state) or its HTTP
 * client (sink), its configuration, its test against the real services — its Kafka access in the
 * catalog and its Deployment; then npm links it, Nx writes its references, and the Kubernetes
 * manifests are generated again. Dashboards and alert rules read every group by its labels, so
 * they cover it as they are.
 */
export default async function consumerGenerator(
  tree: Tree,
  options: ConsumerGeneratorOptions,
): Promise<() => void> {
  const plan = planConsumer(options, workspaceView(tree));
  for (const [path, content] of Object.entries(appFiles(plan)))
    tree.write(`apps/${plan.app}/${path}`, content);
  tree.write(
    CatalogFiles.kafkaAccess,
    addServiceAccess(readRequired(tree, CatalogFiles.kafkaAccess), {
      service: plan.app,
      topicKey: plan.topic.key,
      group: plan.group,
    }),
  );
  tree.write(
    CatalogFiles.workloads,
    addWorkload(readRequired(tree, CatalogFiles.workloads), {
      service: plan.app,
      ...(plan.target === undefined ? {} : { calls: plan.target }),
    }),
  );
  await formatFiles(tree);
  const apps = tree
    .children('apps')
    .filter((app) => tree.exists(`apps/${app}/tsconfig.build.json`));
  return () => {
    if (options.skipTasks === true) return;
    const tasks = new WorkspaceTasks(tree.root);
    if (options.skipInstall !== true) tasks.install();
    tasks.syncReferences();
    tasks.generateManifests(apps);
  };
}
