/**
 * Kafka 4 logs through log4j2. Everything goes to stdout, which Ferry sends to the node's log
 * file, so one file holds the broker's log and anything the JVM prints when it fails.
 */
export function renderLog4j2Properties(): string {
  return [
    'status = warn',
    'appender.stdout.type = Console',
    'appender.stdout.name = STDOUT',
    'appender.stdout.layout.type = PatternLayout',
    'appender.stdout.layout.pattern = [%d] %p %m (%c)%n',
    'rootLogger.level = INFO',
    'rootLogger.appenderRef.stdout.ref = STDOUT',
    'logger.request.name = kafka.request.logger',
    'logger.request.level = WARN',
    'logger.state.name = state.change.logger',
    'logger.state.level = WARN',
    '',
  ].join('\n');
}
