/** Where the real services of an integration run are; `npm test` sets these after `infra up`. */
export interface TestEnvironment {
  readonly kafkaBrokers: string[];
  readonly schemaRegistryUrl: string;
  readonly databaseUrl: string;
  /** `java -cp` value with the Kafka client and Avro jars (for the independent Java producer). */
  readonly kafkaClasspath: string | undefined;
}

export function testEnvironment(env: NodeJS.ProcessEnv = process.env): TestEnvironment {
  const missing = ['KAFKA_BROKERS', 'SCHEMA_REGISTRY_URL', 'DATABASE_URL'].filter(
    (name) => !env[name],
  );
  if (missing.length > 0) {
    throw new Error(
      `Integration tests need ${missing.join(', ')}; run them with \`npm test\`, which starts the services.`,
    );
  }
  return {
    kafkaBrokers: (env['KAFKA_BROKERS'] ?? '').split(','),
    schemaRegistryUrl: env['SCHEMA_REGISTRY_URL'] ?? '',
    databaseUrl: env['DATABASE_URL'] ?? '',
    kafkaClasspath: env['FERRY_KAFKA_CLASSPATH'],
  };
}
