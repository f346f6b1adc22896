import type { RecordedRequest } from '@ferry/simulators';
import { requestsBeforeRetryAfter } from './retry-after';

const request = (at: number, status?: number): RecordedRequest => ({
  at,
  httpMethod: 'POST',
  path: '/json/2/stock.quant/search_read',
  api: 'json2',
  outcome: status === undefined ? 'handled' : 'rejected',
  ...(status === undefined ? {} : { status }),
});

describe('requestsBeforeRetryAfter', () => {
  it('finds nothing when the client waits the Retry-After out', () => {
    const log = [request(0), request(10), request(20, 429), request(1030), request(1040, 429)];
    expect(requestsBeforeRetryAfter(log, 1000)).toEqual({ rejected: 2, early: 0 });
  });

  it('counts each request that came before the Retry-After had passed, once', () => {
    const log = [request(0, 429), request(100, 429), request(400), request(900), request(1500)];
    expect(requestsBeforeRetryAfter(log, 1000)).toEqual({ rejected: 2, early: 2 });
  });

  it('does not hold requests already on their way against the 429', () => {
    const log = [request(0, 429), request(150), request(199, 429)];
    expect(requestsBeforeRetryAfter(log, 1000)).toEqual({ rejected: 2, early: 0 });
  });
});
