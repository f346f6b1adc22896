import { choosePostgres, redactPassword, withDatabase } from './postgres-choice';
import type { PostgresFacts } from './postgres-choice';

const facts: PostgresFacts = {
  databaseUrl: '',
  localPgUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
  embeddedPort: 15432,
  database: 'ferry',
  embeddedRunning: false,
  machineAnswers: () => Promise.resolve(true),
};

describe('choosePostgres', () => {
  it('uses DATABASE_URL as given, without probing anything', async () => {
    const machineAnswers = jest.fn(() => Promise.resolve(true));
    const url = 'postgres://app:secret@db.internal:5432/orders?sslmode=require';
    expect(await choosePostgres({ ...facts, databaseUrl: url, machineAnswers })).toEqual({
      kind: 'external',
      url,
    });
    expect(machineAnswers).not.toHaveBeenCalled();
  });

  it("uses the ferry database on the machine's server when it answers", async () => {
    expect(await choosePostgres(facts)).toEqual({
      kind: 'machine',
      adminUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      url: 'postgres://postgres@127.0.0.1:5432/ferry',
    });
  });

  it('falls back to the embedded server when the machine has none', async () => {
    expect(
      await choosePostgres({ ...facts, machineAnswers: () => Promise.resolve(false) }),
    ).toEqual({
      kind: 'embedded',
      adminUrl: 'postgres://postgres@127.0.0.1:15432/postgres',
      url: 'postgres://postgres@127.0.0.1:15432/ferry',
      port: 15432,
    });
  });

  it('keeps using a running embedded server even if the machine server appears later', async () => {
    expect((await choosePostgres({ ...facts, embeddedRunning: true })).kind).toBe('embedded');
  });
});

describe('withDatabase and redactPassword', () => {
  it('swap the database and hide the password', () => {
    expect(withDatabase('postgres://u:p@h:5432/postgres?sslmode=disable', 'ferry')).toBe(
      'postgres://u:p@h:5432/ferry?sslmode=disable',
    );
    expect(redactPassword('postgres://u:p@h:5432/ferry')).toBe('postgres://u:***@h:5432/ferry');
    expect(redactPassword('postgres://u@h:5432/ferry')).toBe('postgres://u@h:5432/ferry');
  });
});
