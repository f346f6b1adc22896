import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalInfraError } from '../errors';
import { layoutOf } from '../paths';
import {
  assertRegistryDatabaseKept,
  readRegistryDatabase,
  recordRegistryDatabase,
  registryDatabaseFile,
  registryDatabaseBeside,
  registryDatabaseUrl,
  sameRegistryDatabase,
} from './registry-database';
import type { RegistryDatabase } from './registry-database';

const machine: RegistryDatabase = {
  serverUrl: 'postgres://postgres@127.0.0.1:5432/ferry',
  name: 'ferry_registry',
  embedded: false,
};
const embedded: RegistryDatabase = {
  serverUrl: 'postgres://postgres@127.0.0.1:15432/ferry',
  name: 'ferry_registry',
  embedded: true,
};

describe('registryDatabaseBeside', () => {
  it("puts the registry's database on the server of Ferry's", () => {
    const database = registryDatabaseBeside('postgres://u:p@db:5432/ferry?sslmode=require', false);
    expect(registryDatabaseUrl(database)).toBe(
      'postgres://u:p@db:5432/ferry_registry?sslmode=require',
    );
  });
});

describe('registryDatabaseBeside, named', () => {
  it('takes the name FERRY_REGISTRY_DATABASE gives, on the same server', () => {
    const database = registryDatabaseBeside('postgres://u@db:5432/ferry', false, 'registry_two');
    expect(registryDatabaseUrl(database)).toBe('postgres://u@db:5432/registry_two');
  });
});

describe('sameRegistryDatabase', () => {
  it('ignores credentials and a spelled-out default port', () => {
    expect(
      sameRegistryDatabase(machine, { ...machine, serverUrl: 'postgres://other:pw@127.0.0.1/x' }),
    ).toBe(true);
  });

  it('tells another server or another database apart', () => {
    expect(sameRegistryDatabase(machine, embedded)).toBe(false);
    expect(sameRegistryDatabase(machine, { ...machine, name: 'ferry_registry_2' })).toBe(false);
  });
});

describe('assertRegistryDatabaseKept', () => {
  it('lets a first start or the same database through', () => {
    expect(() => {
      assertRegistryDatabaseKept(undefined, machine);
    }).not.toThrow();
    expect(() => {
      assertRegistryDatabaseKept(machine, machine);
    }).not.toThrow();
  });

  it('refuses to move the schemas of kept Kafka data to another server', () => {
    let refusal: unknown;
    try {
      assertRegistryDatabaseKept(embedded, machine);
    } catch (error: unknown) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(LocalInfraError);
    expect((refusal as LocalInfraError).message).toContain('127.0.0.1:15432/ferry_registry');
    expect((refusal as LocalInfraError).hint).toContain('run `reset`');
  });
});

describe('readRegistryDatabase', () => {
  it('reads back what was recorded and takes anything else for no record', () => {
    const layout = layoutOf(mkdtempSync(join(tmpdir(), 'ferry-registry-db-')));
    expect(readRegistryDatabase(layout)).toBeUndefined();
    recordRegistryDatabase(layout, machine);
    expect(readRegistryDatabase(layout)).toEqual(machine);
    writeFileSync(registryDatabaseFile(layout), '{"serverUrl":"x","name":"y"}');
    expect(readRegistryDatabase(layout)).toBeUndefined();
    writeFileSync(registryDatabaseFile(layout), 'not json');
    expect(readRegistryDatabase(layout)).toBeUndefined();
  });
});
