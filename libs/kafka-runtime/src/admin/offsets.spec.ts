import type { Admin } from '../external/kafka.interface';
import { fetchPartitionOffsets } from './offsets';

class BrokerAnswer extends Error {
  constructor(
    readonly type: string,
    readonly retriable: boolean,
  ) {
    super(type);
  }
}

/** An admin client whose offset requests answer with `failures` first, then with offsets. */
function adminAnswering(failures: BrokerAnswer[]) {
  const calls = { offsets: 0, metadata: 0 };
  const admin = {
    fetchTopicOffsets: () => {
      calls.offsets += 1;
      const failure = failures.shift();
      if (failure) return Promise.reject(failure);
      return Promise.resolve([{ partition: 0, offset: '7', high: '7', low: '2' }]);
    },
    fetchTopicMetadata: () => {
      calls.metadata += 1;
      return Promise.resolve({ topics: [] });
    },
  };
  return { admin: admin as unknown as Admin, calls };
}

describe('fetchPartitionOffsets', () => {
  it('asks again, with fresh metadata, while the broker answers "not the leader"', async () => {
    const { admin, calls } = adminAnswering([
      new BrokerAnswer('NOT_LEADER_OR_FOLLOWER', true),
      new BrokerAnswer('LEADER_NOT_AVAILABLE', true),
    ]);
    await expect(fetchPartitionOffsets(admin, 'ferry.t')).resolves.toEqual([
      { partition: 0, low: '2', high: '7' },
    ]);
    expect(calls).toEqual({ offsets: 3, metadata: 2 });
  });

  it('gives up at once on an answer that trying again cannot change', async () => {
    const refusal = new BrokerAnswer('TOPIC_AUTHORIZATION_FAILED', false);
    const { admin, calls } = adminAnswering([refusal]);
    await expect(fetchPartitionOffsets(admin, 'ferry.t')).rejects.toBe(refusal);
    expect(calls.offsets).toBe(1);
  });

  it('gives up with the broker answer once the wait is over', async () => {
    const notLeader = () => new BrokerAnswer('NOT_LEADER_OR_FOLLOWER', true);
    const { admin } = adminAnswering(Array.from({ length: 50 }, notLeader));
    await expect(fetchPartitionOffsets(admin, 'ferry.t', 250)).rejects.toMatchObject({
      type: 'NOT_LEADER_OR_FOLLOWER',
    });
  });
});
