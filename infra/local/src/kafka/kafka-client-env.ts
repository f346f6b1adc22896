import { join } from 'node:path';
import type { KafkaSecuritySettings } from '@ferry/kafka-runtime';
import { passwordFileOf } from './kafka-credentials';
import type { KafkaSecurityEndpoints } from './kafka-service';

export type KafkaLogin = 'scram' | 'mtls';

/**
 * The environment that makes a Ferry service connect to a secured local cluster as `principal`:
 * SCRAM-SHA-512 over TLS by default, or its certificate over mutual TLS. Secrets go by file.
 */
export function kafkaClientEnv(
  security: KafkaSecurityEndpoints,
  saslBrokers: readonly string[],
  principal: string,
  login: KafkaLogin = 'scram',
): Record<string, string> {
  if (login === 'mtls')
    return {
      KAFKA_BROKERS: security.mtlsBrokers.join(','),
      KAFKA_SECURITY_PROTOCOL: 'SSL',
      KAFKA_SSL_CA_FILE: security.caFile,
      KAFKA_SSL_CERT_FILE: join(security.certificatesFolder, `${principal}.crt`),
      KAFKA_SSL_KEY_FILE: join(security.certificatesFolder, `${principal}.key`),
    };
  return {
    KAFKA_BROKERS: saslBrokers.join(','),
    KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
    KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
    KAFKA_SASL_USERNAME: principal,
    KAFKA_SASL_PASSWORD_FILE: passwordFileOf(security.credentialsFolder, principal),
    KAFKA_SSL_CA_FILE: security.caFile,
  };
}

/** The same as settings for a client made in this process (as the admin, say). */
export function kafkaClientSettings(
  security: KafkaSecurityEndpoints,
  principal: string,
): KafkaSecuritySettings {
  return {
    securityProtocol: 'SASL_SSL',
    saslMechanism: 'SCRAM-SHA-512',
    saslUsername: principal,
    saslPasswordFile: passwordFileOf(security.credentialsFolder, principal),
    sslCaFile: security.caFile,
  };
}
