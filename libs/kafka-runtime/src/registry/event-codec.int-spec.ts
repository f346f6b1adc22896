import {
  InventoryLevelSetV1Contract,
  InventoryLevelSetV2Contract,
  type InventoryLevelSetV1,
  type InventoryLevelSetV2,
} from '@ferry/contracts';
import {
  inventoryLevelSet,
  rejectionOf,
  startTcpRelay,
  testEnvironment,
  uniqueName,
} from '@ferry/test-support';
import { CorruptEventError, SchemaRegistryUnavailableError, UnknownSchemaError } from '../errors';
import { EventCodec } from './event-codec';
import { frame } from './wire-format';

const v2: InventoryLevelSetV2 = {
  ...inventoryLevelSet('SKU-1', 1, 5),
  inTransit: 7,
  binCode: 'B-7',
};
const { inTransit: _inTransit, binCode: _binCode, ...v1 } = v2;
const asV1: InventoryLevelSetV1 = v1;

describe('EventCodec (real schema registry)', () => {
  const registryUrl = testEnvironment().schemaRegistryUrl;
  const registry = new URL(registryUrl);

  it('registers idempotently and round-trips an event through a fresh codec', async () => {
    const subject = `${uniqueName('codec')}-value`;
    const writer = new EventCodec(registryUrl);
    const id = await writer.register(subject, InventoryLevelSetV2Contract.schema);
    expect(await writer.register(subject, InventoryLevelSetV2Contract.schema)).toBe(id);
    const reader = new EventCodec(registryUrl);
    expect(await reader.decode(writer.encode(id, v2), InventoryLevelSetV2Contract)).toEqual(v2);
  });

  it('decodes without a promise once a schema is resolved, checking what Avro cannot', async () => {
    const subject = `${uniqueName('known')}-value`;
    const writer = new EventCodec(registryUrl);
    const id = await writer.register(subject, InventoryLevelSetV2Contract.schema);
    const reader = new EventCodec(registryUrl);
    const bytes = writer.encode(id, v2);
    expect(reader.decodeKnown(bytes, InventoryLevelSetV2Contract)).toBeUndefined();
    expect(await reader.decode(bytes, InventoryLevelSetV2Contract)).toEqual(v2);
    expect(reader.decodeKnown(bytes, InventoryLevelSetV2Contract)).toEqual(v2);
    // Resolved for one contract only: another reads through the registry first.
    expect(reader.decodeKnown(bytes, InventoryLevelSetV1Contract)).toBeUndefined();

    // A record with bytes left after the event, and one cut short, are corrupt, not events.
    expect(() =>
      reader.decodeKnown(Buffer.concat([bytes, Buffer.from([0])]), InventoryLevelSetV2Contract),
    ).toThrow(CorruptEventError);
    expect(() =>
      reader.decodeKnown(bytes.subarray(0, bytes.length - 2), InventoryLevelSetV2Contract),
    ).toThrow(CorruptEventError);
    // Text Postgres cannot store is refused after decoding, as validate refuses it before encoding.
    const nul = writer.encode(id, { ...v2, binCode: 'B\u00007' });
    expect(() => reader.decodeKnown(nul, InventoryLevelSetV2Contract)).toThrow(
      /binCode: must not contain U\+0000/,
    );
  });

  it('lets a v1 consumer read v2 events and a v2 consumer read v1 events', async () => {
    const subject = `${uniqueName('evolution')}-value`;
    const producer = new EventCodec(registryUrl);
    const v1Id = await producer.register(subject, InventoryLevelSetV1Contract.schema);
    const v2Id = await producer.register(subject, InventoryLevelSetV2Contract.schema);
    expect(v2Id).not.toBe(v1Id);

    const v1Consumer = new EventCodec(registryUrl);
    expect(await v1Consumer.decode(producer.encode(v2Id, v2), InventoryLevelSetV1Contract)).toEqual(
      asV1,
    );
    const v2Consumer = new EventCodec(registryUrl);
    expect(
      await v2Consumer.decode(producer.encode(v1Id, asV1), InventoryLevelSetV2Contract),
    ).toEqual({
      ...asV1,
      inTransit: 0,
      binCode: null,
    });
  });

  it('tells corrupt bytes, an unknown schema id and an unreachable registry apart', async () => {
    const reader = new EventCodec(registryUrl);
    const corrupt = await rejectionOf(
      reader.decode(Buffer.from('{"sku":"A"}'), InventoryLevelSetV2Contract),
    );
    expect(corrupt).toBeInstanceOf(CorruptEventError);
    expect((corrupt as CorruptEventError).retriable).toBe(false);

    const unknown = await rejectionOf(
      reader.decode(frame(987_654_321, Buffer.from([2, 4])), InventoryLevelSetV2Contract),
    );
    expect(unknown).toBeInstanceOf(UnknownSchemaError);
    expect((unknown as UnknownSchemaError).retriable).toBe(false);

    const relay = await startTcpRelay(registry.hostname, Number(registry.port));
    await relay.close();
    const unreachable = new EventCodec(
      `${registry.protocol}//${relay.address}${registry.pathname}`,
    );
    const down = await rejectionOf(
      unreachable.decode(frame(1, Buffer.from([2, 4])), InventoryLevelSetV2Contract),
    );
    expect(down).toBeInstanceOf(SchemaRegistryUnavailableError);
    expect((down as SchemaRegistryUnavailableError).retriable).toBe(true);
  });

  it('keeps decoding with schemas it already fetched while the registry is down, and fails closed on new ones', async () => {
    const subject = `${uniqueName('outage')}-value`;
    const producer = new EventCodec(registryUrl);
    const v1Id = await producer.register(subject, InventoryLevelSetV1Contract.schema);
    const v2Id = await producer.register(subject, InventoryLevelSetV2Contract.schema);

    const relay = await startTcpRelay(registry.hostname, Number(registry.port));
    const consumer = new EventCodec(`${registry.protocol}//${relay.address}${registry.pathname}`);
    expect(await consumer.decode(producer.encode(v2Id, v2), InventoryLevelSetV2Contract)).toEqual(
      v2,
    );
    await relay.close();

    expect(await consumer.decode(producer.encode(v2Id, v2), InventoryLevelSetV2Contract)).toEqual(
      v2,
    );
    const never = await rejectionOf(
      consumer.decode(producer.encode(v1Id, asV1), InventoryLevelSetV2Contract),
    );
    expect(never).toBeInstanceOf(SchemaRegistryUnavailableError);
  });

  it('reports a registry that stops answering as unavailable once its timeout passes, not as an unknown schema', async () => {
    const relay = await startTcpRelay(registry.hostname, Number(registry.port));
    relay.freeze();
    try {
      const frozen = new EventCodec(
        `${registry.protocol}//${relay.address}${registry.pathname}`,
        300,
      );
      const silent = await rejectionOf(
        frozen.register(`${uniqueName('frozen')}-value`, InventoryLevelSetV1Contract.schema),
      );
      expect(silent).toBeInstanceOf(SchemaRegistryUnavailableError);
    } finally {
      relay.thaw();
      await relay.close();
    }
  });
});
