import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mayPublish, ownerOf } from '@ferry/contracts';
import { catalogTopicOf } from '@ferry/kafka-runtime';

/*
 * Every adapter publishes only what its system owns. Each app that builds publishers declares
 * them in src/publications.ts (definePublications); this reads every one of them against the
 * ownership map, and fails when an app builds publishers without declaring them.
 */
const appsRoot = resolve(__dirname, '..', '..', 'apps');

interface PublicationsShape {
  readonly system: string;
  readonly contracts: readonly { readonly eventType: string }[];
}

function sourcesOf(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('spec.ts') ? [path] : [];
  });
}

const apps = readdirSync(appsRoot).filter((name) => existsSync(join(appsRoot, name, 'src')));
const publishingApps = apps.filter((app) =>
  sourcesOf(join(appsRoot, app, 'src')).some((file) =>
    /\b(catalogPublisherProvider|CatalogPublisher|\.publisher)\s*[(<]/.test(
      readFileSync(file, 'utf8'),
    ),
  ),
);

async function publicationsOf(app: string): Promise<PublicationsShape> {
  const module = (await import(join(appsRoot, app, 'src', 'publications.ts'))) as Record<
    string,
    unknown
  >;
  const declared = Object.values(module).filter(
    (value): value is PublicationsShape =>
      typeof value === 'object' && value !== null && 'system' in value && 'contracts' in value,
  );
  expect(declared).toHaveLength(1);
  return declared[0] as PublicationsShape;
}

describe('adapter publications', () => {
  it('are found for the adapters of this repository', () => {
    expect(publishingApps).toEqual(expect.arrayContaining(['order-api', 'wms-adapter']));
  });

  it.each(publishingApps)('%s declares what it publishes in src/publications.ts', (app) => {
    expect(existsSync(join(appsRoot, app, 'src', 'publications.ts'))).toBe(true);
  });

  it.each(publishingApps)('%s publishes only entities its system owns', async (app) => {
    const { system, contracts } = await publicationsOf(app);
    const notOwned = contracts
      .map((contract) => catalogTopicOf(contract.eventType).entity)
      .filter((entity) => !mayPublish(system, entity))
      .map((entity) => `${entity} (owned by ${ownerOf(entity)})`);
    expect({ app, system, notOwned }).toEqual({ app, system, notOwned: [] });
  });
});
