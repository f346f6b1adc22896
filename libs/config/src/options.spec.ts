import { ConfigError, integer, option, readConfig, secretOption, text, commaList } from './index';

const specs = {
  brokers: option('T_BROKERS', commaList, ['127.0.0.1:9092'], 'Kafka bootstrap servers'),
  port: option('T_PORT', integer({ min: 1, max: 65535 }), 3000, 'HTTP port'),
  group: option('T_GROUP', text, undefined, 'consumer group'),
};

describe('readConfig', () => {
  it('applies defaults and parses what is set', () => {
    const config = readConfig(specs, { T_GROUP: 'projector', T_BROKERS: 'a:1, b:2' });
    expect(config).toEqual({ brokers: ['a:1', 'b:2'], port: 3000, group: 'projector' });
  });

  it('reports every bad or missing variable at once', () => {
    let caught: unknown;
    try {
      readConfig(specs, { T_PORT: '70000' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      'T_PORT="70000" is invalid: expected at most 65535',
      'T_GROUP is required: consumer group',
    ]);
  });
});

describe('secret options', () => {
  const secrets = {
    password: secretOption('T_PASSWORD', 'password'),
    port: { ...option('T_PORT', integer(), 1, 'port'), secret: true },
  };

  it('reads a secret as given, and none as empty', () => {
    expect(readConfig(secrets, { T_PASSWORD: ' s3cret ' }).password).toBe(' s3cret ');
    expect(readConfig(secrets, {}).password).toBe('');
  });

  it('never puts the value of a secret into an error', () => {
    expect(() => readConfig(secrets, { T_PORT: 'hunter2' })).toThrow(
      'T_PORT is invalid: expected an integer',
    );
    expect(() => readConfig(secrets, { T_PORT: 'hunter2' })).not.toThrow(/hunter2/);
  });
});
