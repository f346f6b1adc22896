import { summarizeProfile } from './cpu-profile';

const frame = (functionName: string, url: string) => ({ functionName, url });

describe('summarizeProfile', () => {
  it('adds up self time by package, Ferry file and V8 entry, shares of the busy time', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)', '') },
        { id: 2, callFrame: frame('(garbage collector)', '') },
        { id: 3, callFrame: frame('decode', 'file:///r/node_modules/kafkajs/src/protocol/x.js') },
        {
          id: 4,
          callFrame: frame('query', 'file:///r/node_modules/@opentelemetry/api/build/a.js'),
        },
        { id: 5, callFrame: frame('apply', 'file:///r/libs/kafka-runtime/dist/consumer/a.js') },
        { id: 6, callFrame: frame('read', 'file:///r/node_modules/kafkajs/src/other.js') },
      ],
      samples: [1, 2, 3, 3, 4, 5, 6, 1],
      timeDeltas: [500, 100, 100, 100, 50, 50, 100, 500],
    };
    expect(summarizeProfile(profile)).toEqual([
      { where: 'kafkajs', share: 0.6 },
      { where: '(garbage collector)', share: 0.2 },
      { where: '@opentelemetry/api', share: 0.1 },
      { where: 'libs/kafka-runtime/consumer/a', share: 0.1 },
    ]);
  });
});
