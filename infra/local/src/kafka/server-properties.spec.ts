import { renderServerProperties } from './server-properties';
import { bootstrapServers, kafkaTopology } from './topology';

function parse(text: string): Map<string, string> {
  return new Map(
    text
      .trim()
      .split('\n')
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)] as const;
      }),
  );
}

function fail(reason: string): never {
  throw new Error(reason);
}

describe('renderServerProperties', () => {
  it('renders one combined-mode node with replication factor 1', () => {
    const topology = kafkaTopology(1, 19092, '/f/data/kafka');
    const properties = parse(
      renderServerProperties(topology.nodes[0] ?? fail('no node'), topology),
    );
    expect(properties.get('process.roles')).toBe('broker,controller');
    expect(properties.get('node.id')).toBe('1');
    expect(properties.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
    expect(properties.get('listeners')).toBe(
      'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
    );
    expect(properties.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(properties.get('log.dirs')).toBe('/f/data/kafka/brokers-1/node-1');
    expect(properties.get('auto.create.topics.enable')).toBe('false');
    expect(properties.get('num.partitions')).toBe('6');
    expect(properties.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(properties.get('offsets.topic.replication.factor')).toBe('1');
    expect(properties.get('transaction.state.log.min.isr')).toBe('1');
    expect(properties.get('min.insync.replicas')).toBe('1');
  });

  it('renders three nodes that share one quorum, with RF 3 and min ISR 2', () => {
    const topology = kafkaTopology(3, 19092, '/f/data/kafka');
    const rendered = topology.nodes.map((node) => parse(renderServerProperties(node, topology)));
    for (const properties of rendered) {
      expect(properties.get('controller.quorum.voters')).toBe(
        '1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097',
      );
      expect(properties.get('default.replication.factor')).toBe('3');
      expect(properties.get('min.insync.replicas')).toBe('2');
      expect(properties.get('offsets.topic.replication.factor')).toBe('3');
      expect(properties.get('transaction.state.log.replication.factor')).toBe('3');
      expect(properties.get('transaction.state.log.min.isr')).toBe('2');
    }
    expect(rendered.map((properties) => properties.get('listeners'))).toEqual([
      'PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093',
      'PLAINTEXT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095',
      'PLAINTEXT://127.0.0.1:19096,CONTROLLER://127.0.0.1:19097',
    ]);
    expect(rendered.map((properties) => properties.get('log.dirs'))).toEqual([
      '/f/data/kafka/brokers-3/node-1',
      '/f/data/kafka/brokers-3/node-2',
      '/f/data/kafka/brokers-3/node-3',
    ]);
    expect(bootstrapServers(topology)).toEqual([
      '127.0.0.1:19092',
      '127.0.0.1:19094',
      '127.0.0.1:19096',
    ]);
  });

  it('gives each of three brokers a smaller heap than a single one', () => {
    expect(kafkaTopology(1, 19092, '/d').heapMb).toBe(512);
    expect(kafkaTopology(3, 19092, '/d').heapMb).toBeLessThan(512);
  });

  it('moves every port with the base port', () => {
    const topology = kafkaTopology(3, 29000, '/d');
    expect(topology.nodes.map((node) => [node.port, node.controllerPort])).toEqual([
      [29000, 29001],
      [29002, 29003],
      [29004, 29005],
    ]);
  });
});
