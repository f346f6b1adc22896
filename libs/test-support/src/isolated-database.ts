import { dropSchema, openDatabase, type Database } from '@ferry/persistence';
import { uniqueName } from './names';

export interface IsolatedDatabase {
  readonly schema: string;
  readonly db: Database;
  /** Closes the pool and drops the schema with everything in it. */
  drop(): Promise<void>;
}

/** A Postgres schema of its own for one test, on the test server. */
export function isolatedDatabase(url: string, prefix: string): IsolatedDatabase {
  const schema = uniqueName(prefix);
  const db = openDatabase({ url, schema, applicationName: `test-${prefix}` });
  return {
    schema,
    db,
    drop: async () => {
      await db.close();
      await dropSchema(url, schema);
    },
  };
}
