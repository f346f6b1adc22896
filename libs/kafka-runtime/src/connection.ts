import { commaList, integer, option, text, url } from '@ferry/config';
import type { Logger } from '@ferry/observability';
import { Kafka, KafkaLogLevel, type LogEntry } from './external/kafka.interface';

export const kafkaConnectionOptions = {
  brokers: option(
    'KAFKA_BROKERS',
    commaList,
    ['127.0.0.1:19092'],
    'Kafka bootstrap servers, comma-separated',
  ),
  clientId: option(
    'KAFKA_CLIENT_ID',
    text,
    'ferry',
    'Client id sent to the brokers (shows in broker logs and quotas)',
  ),
  connectionTimeoutMs: option(
    'KAFKA_CONNECTION_TIMEOUT_MS',
    integer({ min: 100 }),
    3000,
    'TCP connect timeout',
  ),
  requestTimeoutMs: option(
    'KAFKA_REQUEST_TIMEOUT_MS',
    integer({ min: 1000 }),
    30000,
    'Broker request timeout',
  ),
};

export const schemaRegistryOptions = {
  schemaRegistryUrl: option(
    'SCHEMA_REGISTRY_URL',
    url,
    'http://127.0.0.1:18081/apis/ccompat/v7',
    'Confluent-compatible schema registry (Apicurio: .../apis/ccompat/v7)',
  ),
};

export interface KafkaConnection {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly connectionTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

export function createKafka(connection: KafkaConnection, logger: Logger): Kafka {
  return new Kafka({
    brokers: [...connection.brokers],
    clientId: connection.clientId,
    connectionTimeout: connection.connectionTimeoutMs,
    requestTimeout: connection.requestTimeoutMs,
    logLevel: KafkaLogLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      logKafkaEntry(logger, entry);
    },
  });
}

function logKafkaEntry(logger: Logger, { level, label, log }: LogEntry): void {
  const { message, ...fields } = log;
  const line = `kafkajs ${label}: ${message}`;
  if (level <= KafkaLogLevel.ERROR) logger.error(line, fields);
  else if (level === KafkaLogLevel.WARN) logger.warn(line, fields);
  else logger.debug(line, fields);
}
