import { valueSubject, type EventContract, type EventEnvelope } from '@ferry/contracts';
import type { KafkaRuntime } from '../runtime';

/** Publishes `events` to `topic` through a publisher of its own, for tests; resolves once acked. */
export async function publishEvents<T extends EventEnvelope>(
  runtime: KafkaRuntime,
  topic: string,
  contract: EventContract<T>,
  originSystem: string,
  events: readonly T[],
): Promise<void> {
  const publisher = runtime.publisher({
    topic,
    subject: valueSubject(topic),
    contract,
    originSystem,
  });
  await publisher.connect();
  try {
    await publisher.publish(events);
  } finally {
    await publisher.disconnect();
  }
}
