import type { IHeaders, KafkaMessage } from '../external/kafka.interface';
import type { RawDeadLetter, RecordHeaders } from './dead-letter-record';

/** A consumed kafkajs message as this folder's own type; string header values become bytes. */
export function rawDeadLetterOf(
  topic: string,
  partition: number,
  message: KafkaMessage,
): RawDeadLetter {
  return {
    topic,
    partition,
    offset: message.offset,
    timestamp: message.timestamp,
    key: message.key,
    value: message.value,
    headers: headerBytes(message.headers),
  };
}

function headerBytes(headers: IHeaders | undefined): RecordHeaders {
  const bytes: Record<string, readonly Buffer[]> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    if (raw === undefined) continue;
    bytes[name] = (Array.isArray(raw) ? raw : [raw]).map((value) =>
      typeof value === 'string' ? Buffer.from(value, 'utf8') : value,
    );
  }
  return bytes;
}

/** Headers in the shape kafkajs sends: one value as itself, repeated values as a list. */
export function kafkaHeadersOf(headers: RecordHeaders): IHeaders {
  const result: IHeaders = {};
  for (const [name, values] of Object.entries(headers)) {
    const [first] = values;
    if (first === undefined) continue;
    result[name] = values.length === 1 ? first : [...values];
  }
  return result;
}
