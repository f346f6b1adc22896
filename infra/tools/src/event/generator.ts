import { formatFiles, logger, type Tree } from '@nx/devkit';
import { addInvariants, addOwnership, addSystem, addTopic } from '../catalog-edits';
import { CatalogFiles, eventContractTests, schemasDir } from '../paths';
import { readRequired } from '../tree-files';
import { WorkspaceTasks } from '../workspace/workspace-tasks';
import { avroSchemaV1 } from './avro-schema';
import { contractTest } from './contract-test';
import { planEvent } from './event-plan';
import type { EventGeneratorOptions } from './options';

/**
 * `nx g @ferry/tools:event <Name> --owner <system> --topic <topic> --fields <fields>`: the Avro v1
 * schema, the topic in the catalog, the entity in the ownership map (and a new system in the
 * systems), its invariants (the entity id is the key), a contract test; then the generated
 * TypeScript types from the schemas.
 */
export default async function eventGenerator(
  tree: Tree,
  options: EventGeneratorOptions,
): Promise<() => void> {
  const plan = planEvent(
    options,
    {
      topics: readRequired(tree, CatalogFiles.topics),
      ownership: readRequired(tree, CatalogFiles.ownership),
      systems: readRequired(tree, CatalogFiles.systems),
    },
    (folder) => tree.exists(`${schemasDir}/${folder}`),
  );
  tree.write(`${schemasDir}/${plan.schemaFolder}/${plan.eventType}.v1.avsc`, avroSchemaV1(plan));
  tree.write(
    CatalogFiles.topics,
    addTopic(readRequired(tree, CatalogFiles.topics), {
      key: plan.topicKey,
      name: plan.topic,
      entity: plan.entity,
      eventType: plan.eventType,
      schemaFolder: plan.schemaFolder,
      keyField: plan.keyField.name,
      partitions: plan.partitions,
    }),
  );
  tree.write(
    CatalogFiles.ownership,
    addOwnership(
      readRequired(tree, CatalogFiles.ownership),
      plan.entity,
      plan.owner,
      plan.receivers,
    ),
  );
  tree.write(
    CatalogFiles.invariants,
    addInvariants(readRequired(tree, CatalogFiles.invariants), plan.eventType, plan.keyField.name),
  );
  let systems = readRequired(tree, CatalogFiles.systems);
  for (const system of plan.newSystems) systems = addSystem(systems, system, system === plan.owner);
  tree.write(CatalogFiles.systems, systems);
  tree.write(`${eventContractTests}/${plan.schemaFolder}.contract.spec.ts`, contractTest(plan));
  await formatFiles(tree);
  if (plan.owner === 'erp')
    logger.warn(
      `The ERP adapter polls every ERP-owned entity: map ${plan.entity} to its Odoo model in ` +
        'libs/erp-odoo/src/adapter/odoo-erp-adapter.ts (it does not compile until then).',
    );
  return () => {
    if (options.skipTasks !== true) new WorkspaceTasks(tree.root).generateContracts();
  };
}
