/** Where Ferry's database lives, in order of preference. */
export type PostgresChoice =
  /** DATABASE_URL, used exactly as given. */
  | { readonly kind: 'external'; readonly url: string }
  /** The machine's own server (FERRY_LOCAL_PG_URL answers); Ferry only adds its database. */
  | { readonly kind: 'machine'; readonly adminUrl: string; readonly url: string }
  /** An embedded server Ferry starts and stops. */
  | {
      readonly kind: 'embedded';
      readonly adminUrl: string;
      readonly url: string;
      readonly port: number;
    };

export interface PostgresFacts {
  readonly databaseUrl: string;
  readonly localPgUrl: string;
  readonly embeddedPort: number;
  readonly database: string;
  /** Ours already runs: keep using it rather than switching servers under a developer. */
  readonly embeddedRunning: boolean;
  readonly machineAnswers: () => Promise<boolean>;
}

export async function choosePostgres(facts: PostgresFacts): Promise<PostgresChoice> {
  if (facts.databaseUrl !== '') return { kind: 'external', url: facts.databaseUrl };
  if (!facts.embeddedRunning && (await facts.machineAnswers())) {
    return {
      kind: 'machine',
      adminUrl: facts.localPgUrl,
      url: withDatabase(facts.localPgUrl, facts.database),
    };
  }
  const adminUrl = embeddedAdminUrl(facts.embeddedPort);
  return {
    kind: 'embedded',
    adminUrl,
    url: withDatabase(adminUrl, facts.database),
    port: facts.embeddedPort,
  };
}

export function embeddedAdminUrl(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** The same server URL pointing at another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** For printing: the password, if any, replaced. */
export function redactPassword(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return databaseUrl;
  }
}
