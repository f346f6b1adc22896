import { parseEndpoints } from './endpoints';

describe('parseEndpoints', () => {
  it('reads what up writes', () => {
    const endpoints = {
      kafkaBrokers: ['127.0.0.1:19092'],
      schemaRegistryUrl: 'http://127.0.0.1:18081/apis/ccompat/v7',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/ferry',
    };
    expect(parseEndpoints(JSON.stringify(endpoints))).toEqual(endpoints);
  });

  it('rejects a file of another shape', () => {
    expect(
      parseEndpoints('{"kafkaBrokers":"a:1","schemaRegistryUrl":"x","databaseUrl":"y"}'),
    ).toBeUndefined();
    expect(parseEndpoints('')).toBeUndefined();
  });
});
