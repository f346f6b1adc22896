import { KafkaLogLevel, type LogEntry } from './external/kafka.interface';
import { kafkaLogSeverity } from './connection';

function entry(namespace: string, level: KafkaLogLevel, log: Record<string, unknown>): LogEntry {
  return {
    namespace,
    level,
    label: KafkaLogLevel[level],
    log: { timestamp: '2026-11-27T19:00:00.000Z', message: '', ...log },
  };
}

describe('kafkaLogSeverity', () => {
  it('makes a broker error answer a warning: the request is retried or its caller reports it', () => {
    const answer = entry('Connection', KafkaLogLevel.ERROR, {
      message: 'Response ListOffsets(key: 2, version: 2)',
      error: 'This server is not the leader for that topic-partition',
      correlationId: 7,
    });
    expect(kafkaLogSeverity(answer)).toBe('warn');
  });

  it('makes an attempt that is about to be retried a warning', () => {
    const attempt = entry('Producer', KafkaLogLevel.ERROR, {
      message: 'Failed to send messages: There is no leader for this topic-partition',
      retryCount: 1,
      retryTime: 300,
    });
    expect(kafkaLogSeverity(attempt)).toBe('warn');
  });

  it('keeps other errors errors', () => {
    const crash = entry('Consumer', KafkaLogLevel.ERROR, {
      message: 'Crash: KafkaJSNumberOfRetriesExceeded: connect ECONNREFUSED',
      groupId: 'inventory-projector',
    });
    const connectionFailure = entry('Connection', KafkaLogLevel.ERROR, {
      message: 'Connection error: connect ECONNREFUSED 127.0.0.1:19092',
    });
    expect(kafkaLogSeverity(crash)).toBe('error');
    expect(kafkaLogSeverity(connectionFailure)).toBe('error');
  });

  it('keeps warnings warnings and the rest at debug', () => {
    expect(kafkaLogSeverity(entry('Runner', KafkaLogLevel.WARN, { message: 'x' }))).toBe('warn');
    expect(kafkaLogSeverity(entry('Runner', KafkaLogLevel.INFO, { message: 'x' }))).toBe('debug');
  });
});
