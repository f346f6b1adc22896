import { resolve } from 'node:path';
import { ServiceAccess, Topics, type ServiceKafkaAccess } from '@ferry/contracts';
import { catalogTopicOf } from '@ferry/kafka-runtime';

/*
 * The broker's ACLs are derived from the Kafka access declarations (libs/contracts), not from the
 * apps: this holds the two together. Each app's declared publications and its default consumer
 * groups must be exactly what its declaration says, or the ACLs would refuse it (or allow more).
 */
const apps = resolve(__dirname, '..', '..', 'apps');

async function exported<T>(file: string, name: string): Promise<T> {
  const module = (await import(resolve(apps, file))) as Record<string, unknown>;
  return module[name] as T;
}

interface PublicationsShape {
  readonly system: string;
  readonly contracts: readonly { readonly eventType: string }[];
}

interface Defaults {
  readonly [key: string]: { readonly default: unknown };
}

const declared = (service: string): ServiceKafkaAccess => {
  const access = ServiceAccess.find((item) => item.service === service);
  if (access === undefined) throw new Error(`no Kafka access declared for ${service}`);
  return access;
};

const topicKeysOf = (eventTypes: readonly string[]) =>
  eventTypes
    .map((eventType) => catalogTopicOf(eventType).name)
    .map((name) => Object.entries(Topics).find(([, spec]) => spec.name === name)?.[0])
    .sort();

describe('Kafka access declarations', () => {
  it.each([
    ['wms-adapter', 'wms-adapter/src/publications.ts', 'wmsPublications'],
    ['erp-adapter', 'erp-adapter/src/publications.ts', 'erpPublications'],
    ['order-api', 'order-api/src/publications.ts', 'orderApiPublications'],
  ])('%s publishes, as its system, exactly what it declares', async (service, file, name) => {
    const publications = await exported<PublicationsShape>(file, name);
    const access = declared(service);
    expect({ system: access.system, topics: [...access.publishes].sort() }).toEqual({
      system: publications.system,
      topics: topicKeysOf(publications.contracts.map((contract) => contract.eventType)),
    });
  });

  it.each([
    ['inventory-projector', 'inventory-projector/src/config.ts', 'inventoryProjectorOptions'],
    ['shipment-projector', 'shipment-projector/src/config.ts', 'shipmentProjectorOptions'],
    ['wms-adapter', 'wms-adapter/src/config.ts', 'wmsAdapterOptions'],
  ])('%s consumes its topic with the group it declares', async (service, file, name) => {
    const options = await exported<Defaults>(file, name);
    const topic = Object.entries(Topics).find(
      ([, spec]) => spec.name === options['topic']?.default,
    )?.[0];
    expect(declared(service).consumes).toEqual([{ topic, group: options['groupId']?.default }]);
  });

  it('erp-adapter consumes each sink topic with the group <prefix>.<sink>', async () => {
    const options = await exported<Defaults>('erp-adapter/src/config.ts', 'erpAdapterOptions');
    const prefix = String(options['sinkGroupPrefix']?.default);
    const sinks = await Promise.all(
      ['salesOrderSink', 'goodsReceiptSink', 'inventoryLevelSink'].map((name) =>
        exported<{ name: string; topic: { name: string } }>(
          'erp-adapter/src/sink/erp-sinks.ts',
          name,
        ),
      ),
    );
    const consumed = sinks.map((sink) => ({
      topic: Object.entries(Topics).find(([, spec]) => spec.name === sink.topic.name)?.[0],
      group: `${prefix}.${sink.name}`,
    }));
    expect([...declared('erp-adapter').consumes]).toEqual(consumed);
  });
});
