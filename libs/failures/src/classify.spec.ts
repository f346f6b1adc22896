import { classifyFailure, mentionsSocketError, SOCKET_ERROR_CODES } from './classify';
import { FerryError } from './ferry-error';

const withCode = (code: string) => Object.assign(new Error(code), { code });
const withStatus = (status: number) => Object.assign(new Error(`HTTP ${status}`), { status });

describe('classifyFailure', () => {
  it.each([
    ['a FerryError that says permanent', new FerryError('bad bytes', 'permanent'), 'permanent'],
    ['a FerryError that says unavailable', new FerryError('down', 'unavailable'), 'unavailable'],
    ['a FerryError that says transient', new FerryError('no ack', 'transient'), 'transient'],
    [
      'a FerryError before the tables (its code says otherwise)',
      Object.assign(new FerryError('duplicate key', 'transient'), { code: '23505' }),
      'transient',
    ],
    [
      'a FerryError in the cause of a foreign error',
      new Error('apply failed', { cause: new FerryError('Postgres unavailable', 'unavailable') }),
      'unavailable',
    ],
    ['a refused connection', withCode('ECONNREFUSED'), 'unavailable'],
    ['a Postgres serialization failure', withCode('40001'), 'transient'],
    ['a Postgres deadlock', withCode('40P01'), 'transient'],
    ['a Postgres lock timeout', withCode('55P03'), 'transient'],
    ['a Postgres statement timeout (query canceled)', withCode('57014'), 'transient'],
    ['a Postgres connection failure', withCode('08006'), 'unavailable'],
    ['a Postgres shutdown', withCode('57P01'), 'unavailable'],
    ['a Postgres unique violation', withCode('23505'), 'permanent'],
    ['a Postgres invalid number', withCode('22P02'), 'permanent'],
    ['a Postgres syntax error (our bug)', withCode('42601'), 'programmer'],
    ['HTTP 429', withStatus(429), 'unavailable'],
    ['HTTP 409', withStatus(409), 'transient'],
    ['HTTP 408 (request timeout)', withStatus(408), 'transient'],
    ['HTTP 425 (too early)', withStatus(425), 'transient'],
    ['HTTP 502', withStatus(502), 'unavailable'],
    ['HTTP 504', withStatus(504), 'unavailable'],
    ['HTTP 503', withStatus(503), 'unavailable'],
    ['HTTP 500', withStatus(500), 'transient'],
    ['HTTP 422 (business rejection)', withStatus(422), 'permanent'],
    ['HTTP 400', withStatus(400), 'permanent'],
    [
      'a TypeError',
      new TypeError("Cannot read properties of undefined (reading 'sku')"),
      'programmer',
    ],
    ['a RangeError', new RangeError('Invalid array length'), 'programmer'],
    [
      'a Kafka client error that is not retriable',
      Object.assign(new Error('rejected'), { retriable: false }),
      'permanent',
    ],
    [
      'a wrapped refusal',
      new Error('write failed', { cause: withCode('ECONNREFUSED') }),
      'unavailable',
    ],
    ['an unknown error', new Error('something odd'), 'transient'],
    ['a thrown string', 'oops', 'transient'],
  ])('classifies %s as %s', (_name, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe('socket errors', () => {
  it('knows refused, reset and timed-out connections and unknown hosts', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND'])
      expect(SOCKET_ERROR_CODES.has(code)).toBe(true);
    expect(SOCKET_ERROR_CODES.has('EACCES')).toBe(false);
  });

  it('finds a socket error named in a message, as a whole word', () => {
    expect(mentionsSocketError('connect ECONNREFUSED 127.0.0.1:18081')).toBe(true);
    expect(mentionsSocketError('request failed: socket hang up')).toBe(true);
    expect(mentionsSocketError('Schema not found (XECONNREFUSED)')).toBe(false);
    expect(mentionsSocketError('Subject not found')).toBe(false);
  });
});
