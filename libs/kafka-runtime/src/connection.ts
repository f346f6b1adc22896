import { commaList, integer, option, text } from '@ferry/config';
import type { Logger } from '@ferry/observability';
import { Kafka, KafkaLogLevel, type LogEntry } from './external/kafka.interface';
import {
  kafkaClientSecurity,
  kafkaSecurityOptions,
  type KafkaSecuritySettings,
} from './kafka-security';

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
  ...kafkaSecurityOptions,
};

export interface KafkaConnection extends KafkaSecuritySettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly connectionTimeoutMs: number;
  readonly requestTimeoutMs: number;
}

export function createKafka(connection: KafkaConnection, logger: Logger): Kafka {
  const { ssl, sasl, summary } = kafkaClientSecurity(connection);
  logger.info(`kafka: ${connection.brokers.join(',')} over ${summary}`);
  return new Kafka({
    brokers: [...connection.brokers],
    clientId: connection.clientId,
    ssl,
    sasl,
    connectionTimeout: connection.connectionTimeoutMs,
    requestTimeout: connection.requestTimeoutMs,
    logLevel: KafkaLogLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      logKafkaEntry(logger, entry);
    },
  });
}

function logKafkaEntry(logger: Logger, entry: LogEntry): void {
  const { message, ...fields } = entry.log;
  const line = `kafkajs ${entry.namespace}: ${message}`;
  const severity = kafkaLogSeverity(entry);
  if (severity === 'error') logger.error(line, fields);
  else if (severity === 'warn') logger.warn(line, fields);
  else logger.debug(line, fields);
}

/**
 * kafkajs logs at ERROR every error answer of a broker and every attempt it is about to retry
 * ("not the leader", a topic still being created, a broker restarting). Those are warnings: when
 * the operation finally fails, its caller gets the error and reports it. Errors stay errors.
 */
export function kafkaLogSeverity({ namespace, level, log }: LogEntry): 'error' | 'warn' | 'debug' {
  if (level > KafkaLogLevel.WARN) return 'debug';
  if (level === KafkaLogLevel.WARN) return 'warn';
  const brokerAnswer = namespace === 'Connection' && log.message.startsWith('Response ');
  const attemptToRetry = typeof log['retryCount'] === 'number';
  return brokerAnswer || attemptToRetry ? 'warn' : 'error';
}
