import { mentionsSocketError, SOCKET_ERROR_CODES } from './socket-errors';

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
