import {
  jdbcDatasource,
  propertiesValue,
  registrySettings,
  renderRegistryProperties,
} from './registry-properties';

describe('jdbcDatasource', () => {
  it('moves the credentials out of the URL and keeps host, port, database and parameters', () => {
    expect(
      jdbcDatasource(
        'postgres://app:s%40cret@db.internal:6543/ferry_registry?sslmode=require',
        'os',
      ),
    ).toEqual({
      url: 'jdbc:postgresql://db.internal:6543/ferry_registry?sslmode=require',
      username: 'app',
      password: 's@cret',
    });
  });

  it('takes the default user and no password where the URL names none', () => {
    expect(jdbcDatasource('postgres://127.0.0.1:5432/ferry_registry', 'dev')).toEqual({
      url: 'jdbc:postgresql://127.0.0.1:5432/ferry_registry',
      username: 'dev',
      password: '',
    });
  });

  it('refuses a URL without a TCP host', () => {
    expect(() => jdbcDatasource('postgres:///ferry?host=/var/run/postgresql', 'dev')).toThrow(
      /over TCP only/,
    );
  });
});

describe('registrySettings', () => {
  const datasource = { url: 'jdbc:postgresql://h:5432/r', username: 'u', password: '' };

  it('keeps the state in Postgres through SQL storage', () => {
    expect(Object.fromEntries(registrySettings(18081, datasource))).toMatchObject({
      'apicurio.storage.kind': 'sql',
      'apicurio.storage.sql.kind': 'postgresql',
      'apicurio.datasource.url': 'jdbc:postgresql://h:5432/r',
      'apicurio.datasource.username': 'u',
      'quarkus.http.host': '127.0.0.1',
      'quarkus.http.port': '18081',
    });
  });

  it('passes a password only when there is one', () => {
    expect(new Map(registrySettings(1, datasource)).has('apicurio.datasource.password')).toBe(
      false,
    );
    const withPassword = new Map(registrySettings(1, { ...datasource, password: 'p' }));
    expect(withPassword.get('apicurio.datasource.password')).toBe('p');
  });
});

describe('renderRegistryProperties', () => {
  it('ranks the file above the built-in application.properties', () => {
    expect(renderRegistryProperties([['a.b', 'c']])).toBe('config_ordinal=270\na.b=c\n');
  });
});

describe('propertiesValue', () => {
  it('leaves ordinary values alone', () => {
    expect(propertiesValue('jdbc:postgresql://h:5432/r?x=y&z=1')).toBe(
      'jdbc:postgresql://h:5432/r?x=y&z=1',
    );
  });

  it('escapes what Properties and SmallRye Config would otherwise read differently', () => {
    expect(propertiesValue('a\\b')).toBe('a\\\\b');
    expect(propertiesValue('p$q${x}')).toBe('p\\\\$q\\\\${x}');
    expect(propertiesValue(' lead')).toBe('\\ lead');
    expect(propertiesValue('line\nbreak\té')).toBe('line\\u000abreak\\u0009\\u00e9');
  });
});
