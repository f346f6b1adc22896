import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Topics } from '../catalog/topics';
import { SCHEMAS_ROOT } from '../contract';
import { RegistryUnreachableError } from './errors';
import { ExitCodes } from './exit-codes';
import { isJsonObject, type JsonObject } from './json-object';
import { schemaRegistry } from './registry-client';
import { runSchemaCheck } from './run-schema-check';
import { newScratchPrefix } from './scratch-subjects';
import { exitCodeOf, type SchemaCheckReport, type TopicReport } from './topic-report';

const LEVELS_SUBJECT = 'ferry.inventory.levels-value';

function registryUrl(): string {
  const url = process.env['SCHEMA_REGISTRY_URL'];
  if (!url) throw new Error('SCHEMA_REGISTRY_URL must point at the registry (npm run infra -- up)');
  return url;
}

function topicReport(report: SchemaCheckReport, subject: string): TopicReport {
  const topic = report.topics.find((t) => t.subject === subject);
  if (!topic) throw new Error(`no report for ${subject}`);
  return topic;
}

function readSchema(root: string, file: string): JsonObject {
  const parsed: unknown = JSON.parse(readFileSync(join(root, file), 'utf8'));
  if (!isJsonObject(parsed)) throw new Error(`${file} is not a JSON object`);
  return parsed;
}

/** A copy of the repository's schemas with an InventoryLevelSet v3 made from v2 by `change`. */
function schemasWithLevelsV3(change: (fields: JsonObject[]) => JsonObject[]): string {
  const root = mkdtempSync(join(tmpdir(), 'ferry-schema-check-'));
  cpSync(SCHEMAS_ROOT, root, { recursive: true });
  const v2 = readSchema(root, 'inventory-levels/InventoryLevelSet.v2.avsc');
  const fields = Array.isArray(v2['fields']) ? v2['fields'].filter(isJsonObject) : [];
  const v3 = { ...v2, fields: change(fields) };
  writeFileSync(join(root, 'inventory-levels/InventoryLevelSet.v3.avsc'), JSON.stringify(v3));
  return root;
}

const withoutOnHand = (fields: JsonObject[]): JsonObject[] =>
  fields.filter((field) => field['name'] !== 'onHand');
const onHandAsString = (fields: JsonObject[]): JsonObject[] =>
  fields.map((field) => (field['name'] === 'onHand' ? { ...field, type: 'string' } : field));

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

describe('schema check (real schema registry)', () => {
  const url = registryUrl();
  const registry = schemaRegistry(url);
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it("passes the repository's schemas and leaves no scratch subject behind", async () => {
    const scratchPrefix = newScratchPrefix();
    const report = await runSchemaCheck({ registryUrl: url, scratchPrefix });
    expect(report.topics.filter((t) => t.problems.length > 0)).toEqual([]);
    expect(topicReport(report, LEVELS_SUBJECT).versions).toEqual([1, 2]);
    expect(report.warnings).toEqual([]);
    expect(exitCodeOf(report)).toBe(ExitCodes.ok);
    const left = (await registry.subjects()).filter((s) => s.startsWith(scratchPrefix));
    expect(left).toEqual([]);
  });

  it('fails a v3 that removes a required field, naming subject, version and field', async () => {
    const root = schemasWithLevelsV3(withoutOnHand);
    roots.push(root);
    const report = await runSchemaCheck({ registryUrl: url, schemasRoot: root });
    const levels = topicReport(report, LEVELS_SUBJECT);
    expect(levels.versions).toEqual([1, 2, 3]);
    expect(levels.problems).toEqual([
      'v3: field "onHand" was removed and has no default: readers of v1 still need it',
      'v3: field "onHand" was removed and has no default: readers of v2 still need it',
      expect.stringMatching(
        /^v3: rejected by the registry: Incompatible artifact: ferry\.inventory\.levels-value .*onHand/,
      ),
    ]);
    expect(report.topics.filter((t) => t.problems.length > 0)).toEqual([levels]);
    expect(exitCodeOf(report)).toBe(ExitCodes.incompatible);
  });

  it('fails a v3 that changes the type of a field, naming subject, version and field', async () => {
    const root = schemasWithLevelsV3(onHandAsString);
    roots.push(root);
    const report = await runSchemaCheck({ registryUrl: url, schemasRoot: root });
    const levels = topicReport(report, LEVELS_SUBJECT);
    expect(levels.problems).toEqual([
      `v3: field "onHand" changed type from long to string: v1 and v3 cannot read each other's data`,
      `v3: field "onHand" changed type from long to string: v2 and v3 cannot read each other's data`,
      expect.stringMatching(
        /^v3: rejected by the registry: .*ferry\.inventory\.levels-value.*STRING/,
      ),
    ]);
    expect(exitCodeOf(report)).toBe(ExitCodes.incompatible);
  });

  describe('live mode', () => {
    const prefix = newScratchPrefix();
    const configured = `${prefix}.live-configured.${LEVELS_SUBJECT}`;
    const unconfigured = `${prefix}.live-unconfigured.${LEVELS_SUBJECT}`;

    beforeAll(async () => {
      const v1 = readSchema(SCHEMAS_ROOT, 'inventory-levels/InventoryLevelSet.v1.avsc');
      await registry.setCompatibility(configured, 'FULL_TRANSITIVE');
      expect(await registry.register(configured, v1)).toMatchObject({ accepted: true });
      expect(await registry.register(unconfigured, v1)).toMatchObject({ accepted: true });
    });
    afterAll(async () => {
      for (const subject of [configured, unconfigured]) {
        await registry.deleteSubject(subject, { permanent: false });
        await registry.deleteSubject(subject, { permanent: true });
      }
    });

    const liveCheck = (subject: string, schemasRoot = SCHEMAS_ROOT) =>
      runSchemaCheck({
        registryUrl: url,
        schemasRoot,
        live: true,
        topics: [Topics.inventoryLevels],
        subjectOf: () => subject,
      });

    it('accepts the newest version against the registered ones, registering nothing', async () => {
      const report = await liveCheck(configured);
      expect(topicReport(report, configured)).toMatchObject({
        problems: [],
        notes: ['live: v2 fits registered versions 1'],
      });
      expect(await registry.versions(configured)).toEqual([1]);
    });

    it('names the field when the newest version is incompatible with the registered ones', async () => {
      const root = schemasWithLevelsV3(onHandAsString);
      roots.push(root);
      const report = await liveCheck(configured, root);
      expect(topicReport(report, configured).problems).toEqual([
        `v3: field "onHand" changed type from long to string: v1 and v3 cannot read each other's data`,
        `v3: field "onHand" changed type from long to string: v2 and v3 cannot read each other's data`,
        'live: the registry finds v3 incompatible with registered versions 1',
        `live: v3: field "onHand" changed type from long to string: registered v1 and v3 cannot read each other's data`,
      ]);
      expect(await registry.versions(configured)).toEqual([1]);
    });

    it("reports a subject whose compatibility is not the catalog's", async () => {
      const report = await liveCheck(unconfigured);
      expect(topicReport(report, unconfigured).problems).toEqual([
        expect.stringMatching(
          /^live: .* has compatibility NONE in the registry, the catalog says FULL_TRANSITIVE$/,
        ),
      ]);
    });

    it('says a subject is not registered yet without failing', async () => {
      const report = await liveCheck(`${prefix}.never-registered-value`);
      expect(report.topics[0]).toMatchObject({
        problems: [],
        notes: [`live: ${prefix}.never-registered-value is not registered yet`],
      });
    });
  });

  it('reports an unreachable registry as such, not as an incompatibility', async () => {
    const port = await closedPort();
    const check = runSchemaCheck({ registryUrl: `http://127.0.0.1:${port}/apis/ccompat/v7` });
    await expect(check).rejects.toBeInstanceOf(RegistryUnreachableError);
    await expect(check).rejects.toThrow(/schema registry unreachable: .*ECONNREFUSED/);
  });
});
