import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openDatabase, type Database } from './database';
import { runtimeRoleExcesses } from './database-roles';
import { runMigrateStep } from './migrate-step';
import { missingMigrations, persistenceMigrations, type MigrationSource } from './migrations';
import { recordFirstDeliveries } from './processed-events';
import { dropRoles, dropSchema, ensureRole } from './server';

/*
 * The roles on a real Postgres: a migrate role that owns the schema, a runtime role that reads and
 * writes rows and nothing else. Roles are server-wide: each run makes its own, with a password (so
 * that it also holds on a server that does not trust local connections), and drops them.
 */
describe('database roles (real Postgres)', () => {
  // No @ferry/test-support here: it builds on this library.
  const adminUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/ferry';
  const id = `${Date.now().toString(36)}_${process.pid}`;
  const schema = `roles_${id}`;
  const migrator = { name: `ferry_migrate_${id}`, password: randomBytes(12).toString('hex') };
  const runtime = { name: `ferry_runtime_${id}`, password: randomBytes(12).toString('hex') };
  const operators = `ferry_operators_${id}`;
  // The lag exporter's role, given the audit reader's grants directly.
  const reader = { name: `ferry_audit_reader_${id}`, password: randomBytes(12).toString('hex') };
  // A table of the service's own, beside Ferry's, created by a migration file of its own.
  const serviceTables: MigrationSource = {
    owner: 'roles-test',
    directory: mkdtempSync(join(tmpdir(), 'ferry-roles-')),
  };
  writeFileSync(
    join(serviceTables.directory, '001_levels.sql'),
    'CREATE TABLE levels (sku text PRIMARY KEY, on_hand integer NOT NULL, seq bigserial);',
  );
  const sources = [persistenceMigrations, serviceTables];
  let asMigrator: Database;
  let asRuntime: Database;
  let asReader: Database;

  const urlOf = (role: { name: string; password: string }): string => {
    const url = new URL(adminUrl);
    url.username = role.name;
    url.password = role.password;
    return url.toString();
  };
  const migrate = () =>
    runMigrateStep(asMigrator, {
      schema,
      sources,
      runtimeRole: runtime.name,
      operatorRole: operators,
      auditReaderRole: reader.name,
    });

  beforeAll(async () => {
    await ensureRole(adminUrl, { ...migrator, login: true, createsSchemas: true });
    await ensureRole(adminUrl, { ...runtime, login: true });
    await ensureRole(adminUrl, { name: operators, login: false });
    await ensureRole(adminUrl, { ...reader, login: true });
    asMigrator = openDatabase({ url: urlOf(migrator), schema });
    asRuntime = openDatabase({ url: urlOf(runtime), schema });
    asReader = openDatabase({ url: urlOf(reader), schema });
  });

  afterAll(async () => {
    await Promise.all([asMigrator.close(), asRuntime.close(), asReader.close()]);
    await dropSchema(adminUrl, schema);
    await dropRoles(adminUrl, [migrator.name, runtime.name, operators, reader.name]);
  });

  it('migrates as the migrate role; run again, it applies nothing and changes nothing', async () => {
    const first = await migrate();
    expect(first.applied).toEqual([
      'ferry/001_processed_events',
      'ferry/002_dead_letter_replays',
      'ferry/003_parked_keys',
      'ferry/004_operator_identity',
      'ferry/005_processed_events_key_order',
      'roles-test/001_levels',
    ]);
    expect(first).toMatchObject({
      operatorRoleGranted: true,
      auditReaderRoleGranted: true,
      runtimeRoleExcesses: [],
    });
    const recorded = () =>
      asMigrator.query('SELECT owner, version, checksum, applied_at FROM ferry_schema_migrations');
    const before = (await recorded()).rows;

    expect(await migrate()).toEqual({ ...first, applied: [] });
    expect((await recorded()).rows).toEqual(before);
  });

  it('lets the audit reader read the replay audit and nothing else', async () => {
    await expect(
      asReader.query(`SELECT count(*) FROM ${schema}.ferry_dead_letter_replays`),
    ).resolves.toMatchObject({ rowCount: 1 });
    await expect(asReader.query(`SELECT * FROM ${schema}.levels`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(asReader.query(`DELETE FROM ${schema}.ferry_dead_letter_replays`)).rejects.toThrow(
      /permission denied/,
    );
  });

  it('lets the runtime role see that every migration is applied', async () => {
    expect(await missingMigrations(asRuntime, sources, schema)).toEqual([]);
  });

  it("lets the runtime role read and write its tables' rows and use their sequences", async () => {
    const eventId = '00000000-0000-5000-8000-000000000001';
    const fresh = await asRuntime.transaction((tx) => recordFirstDeliveries(tx, 'g', [eventId]));
    expect([...fresh]).toEqual([eventId]);
    await asRuntime.query("INSERT INTO levels (sku, on_hand) VALUES ('SKU-1', 4)");
    await asRuntime.query("UPDATE levels SET on_hand = 5 WHERE sku = 'SKU-1'");
    expect((await asRuntime.query('SELECT on_hand, seq FROM levels')).rows).toEqual([
      { on_hand: 5, seq: '1' },
    ]);
    expect((await asRuntime.query('DELETE FROM ferry_processed_events')).rowCount).toBe(1);
  });

  it.each([
    ['CREATE TABLE', 'CREATE TABLE intruder (id integer)'],
    ['DROP TABLE', 'DROP TABLE levels'],
    ['ALTER TABLE', 'ALTER TABLE levels ADD COLUMN note text'],
    ['TRUNCATE', 'TRUNCATE levels'],
    ['CREATE SCHEMA', `CREATE SCHEMA ${schema}_more`],
    ['DROP SCHEMA', `DROP SCHEMA ${schema} CASCADE`],
    ['CREATE INDEX', 'CREATE INDEX levels_on_hand ON levels (on_hand)'],
    [
      'a write to the migration record',
      "DELETE FROM ferry_schema_migrations WHERE owner = 'roles-test'",
    ],
    [
      'a write to the operator audit',
      "INSERT INTO ferry_operator_actions (action_id, action, detail) VALUES (gen_random_uuid(), 'x', '{}')",
    ],
  ])('refuses the runtime role %s', async (_what, statement) => {
    await expect(asRuntime.query(statement)).rejects.toMatchObject({ code: '42501' });
  });

  it('grants the runtime role the tables a later migrate run creates (default privileges)', async () => {
    await asMigrator.query('CREATE TABLE later (id integer PRIMARY KEY)');
    await expect(asRuntime.query('INSERT INTO later VALUES (1)')).resolves.toMatchObject({
      rowCount: 1,
    });
  });

  it('names what a role may do beyond rows', async () => {
    expect(await runtimeRoleExcesses(asMigrator, schema, runtime.name)).toEqual([]);
    expect(await runtimeRoleExcesses(asMigrator, schema, migrator.name)).toEqual([
      `${migrator.name} owns schema ${schema}`,
      `${migrator.name} may CREATE in schema ${schema}`,
      `${migrator.name} may CREATE schemas in this database`,
      expect.stringMatching(
        new RegExp(`^${migrator.name} owns \\d+ relation\\(s\\) in ${schema}$`),
      ),
    ]);
  });
});
