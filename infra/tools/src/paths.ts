/** Where the generators read and write, relative to the workspace root. */
export const CatalogFiles = {
  topics: 'libs/contracts/src/catalog/topics.ts',
  ownership: 'libs/contracts/src/catalog/ownership.ts',
  systems: 'libs/contracts/src/catalog/systems.ts',
  kafkaAccess: 'libs/contracts/src/catalog/kafka-access.ts',
  invariants: 'libs/contracts/src/invariants/event-invariants.ts',
  workloads: 'infra/deploy/src/workloads.ts',
} as const;

export const schemasDir = 'schemas';
export const eventContractTests = 'libs/contracts/src/events';
