import { testEnvironment } from '@ferry/test-support';
import { ScratchWorkspace } from './testing/scratch-workspace';

/*
 * Both generators, run as a developer runs them (`nx g`) in a copy of this workspace; then the
 * generated contract test, and the generated consumers' own tests against the real Kafka,
 * registry and Postgres; then the checks CI runs on what they wrote. Nothing is written into the
 * workspace itself.
 */
describe('the generators in a scratch copy of the workspace', () => {
  const env = testEnvironment();
  const services = {
    FERRY_INTEGRATION: '1',
    KAFKA_BROKERS: env.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: env.schemaRegistryUrl,
    DATABASE_URL: env.databaseUrl,
  };
  let scratch: ScratchWorkspace;

  // Nothing built beforehand: the generators run as on a fresh clone after `npm install`, and
  // build what they need.
  beforeAll(() => {
    scratch = ScratchWorkspace.create();
  }, 300_000);

  afterAll(() => {
    scratch.remove();
  });

  it('adds an event type: its schema, catalog entries, generated types and a passing contract test', () => {
    scratch.nx([
      'g',
      '@ferry/tools:event',
      'PriceListPublished',
      '--owner=pim',
      '--topic=ferry.pricing.price-lists',
      '--fields=priceListId:string,currency:string,amount:decimal(18,4),validFrom:timestamp,validUntil:date?,active:boolean,note:string?',
      '--receivers=wms,storefront',
      '--no-interactive',
    ]);
    expect(
      JSON.parse(scratch.read('schemas/price-lists/PriceListPublished.v1.avsc')),
    ).toMatchObject({ type: 'record', name: 'PriceListPublished', namespace: 'dev.ferry.pricing' });
    expect(scratch.read('libs/contracts/src/catalog/ownership.ts')).toContain(
      "priceList: { owner: 'pim', receivers: ['wms', 'storefront'] },",
    );
    // A system the catalog did not know: it owns what it publishes.
    expect(scratch.read('libs/contracts/src/catalog/systems.ts')).toMatch(
      /export const SourceSystems = \[\s*'wms',\s*'erp',\s*'storefront',\s*'pim',?\s*\]/,
    );
    expect(scratch.read('libs/contracts/src/generated/index.ts')).toContain(
      "export * from './price-lists';",
    );
    // The whole project's unit tests: the contract test, and the catalog's own checks.
    expect(scratch.jest('libs/contracts', { FERRY_INTEGRATION: '0' })).toMatch(
      /Tests:\s+\d+ passed, \d+ total/,
    );
  }, 300_000);

  it('adds a state projection whose own tests pass against the real services', () => {
    scratch.nx([
      'g',
      '@ferry/tools:consumer',
      'price-list-projector',
      '--event=PriceListPublished',
      '--kind=state',
      '--skipInstall',
      '--no-interactive',
    ]);
    scratch.link('apps/price-list-projector');
    expect(scratch.read('apps/price-list-projector/migrations/001_price_lists.sql')).toContain(
      'price_list_id text PRIMARY KEY',
    );
    expect(scratch.jest('apps/price-list-projector', services)).toMatch(
      /Tests:\s+1 passed, 1 total/,
    );
  }, 300_000);

  it('adds a sink into the WMS whose own tests pass against the real services', () => {
    scratch.nx([
      'g',
      '@ferry/tools:consumer',
      'wms-price-list-sink',
      '--event=PriceListPublished',
      '--kind=sink',
      '--skipInstall',
      '--no-interactive',
    ]);
    scratch.link('apps/wms-price-list-sink');
    expect(scratch.jest('apps/wms-price-list-sink', services)).toMatch(
      /Tests:\s+1 passed, 1 total/,
    );
  }, 300_000);

  it('leaves a workspace whose checks pass: references, types, lint, manifests, ownership', () => {
    scratch.nx(['sync:check']);
    scratch.nx([
      'run-many',
      '-t',
      'typecheck',
      'lint',
      '-p',
      '@ferry/price-list-projector',
      '@ferry/wms-price-list-sink',
      '--skip-sync',
      '--outputStyle=static',
    ]);
    expect(scratch.node('infra/deploy/dist/main.js', ['--check'])).toContain(
      'infra/k8s is up to date',
    );
    // The workload table's and the ownership map's repository tests, on the generated catalog.
    expect(scratch.jest('infra/deploy', { FERRY_INTEGRATION: '0' })).toMatch(
      /Tests:\s+\d+ passed, \d+ total/,
    );
    expect(
      scratch.node(
        'node_modules/jest/bin/jest.js',
        ['--config', 'test/jest.config.js', '--ci', 'test/ownership'],
        { FERRY_INTEGRATION: '0' },
      ),
    ).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(scratch.read('infra/k8s/base/kafka/users.yaml')).toContain('ferry-price-list-projector');
  }, 300_000);
});
