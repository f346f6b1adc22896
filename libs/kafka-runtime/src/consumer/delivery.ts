import type { KafkaMessage } from '../external/kafka.interface';
import type { ConsumedEvent } from './consumed-event';

/** A record that decoded into an event this consumer may apply, with the bytes it came in. */
export interface Delivery<T> {
  readonly event: ConsumedEvent<T>;
  readonly message: KafkaMessage;
}
