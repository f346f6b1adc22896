import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, readConfig } from '@ferry/config';
import { kafkaClientSecurity, kafkaSecurityOptions } from './kafka-security';

const folder = mkdtempSync(join(tmpdir(), 'ferry-kafka-security-'));
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

function file(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

function problemsOf(build: () => unknown): readonly string[] {
  try {
    build();
  } catch (error: unknown) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('kafkaClientSecurity', () => {
  it('is plaintext without TLS or SASL when nothing is set', () => {
    const security = kafkaClientSecurity(readConfig(kafkaSecurityOptions, {}));
    expect(security.ssl).toBeUndefined();
    expect(security.sasl).toBeUndefined();
    expect(security.summary).toBe('PLAINTEXT');
  });

  it('builds SCRAM-SHA-512 over TLS with the CA bundle, checking the server', () => {
    const config = readConfig(kafkaSecurityOptions, {
      KAFKA_SECURITY_PROTOCOL: 'SASL_SSL',
      KAFKA_SASL_USERNAME: 'ferry-wms-adapter',
      KAFKA_SASL_PASSWORD_FILE: file('password', 'pa55word\n'),
      KAFKA_SSL_CA_FILE: file('ca.pem', PEM),
    });
    const security = kafkaClientSecurity(config);
    expect(security.sasl?.mechanism).toBe('scram-sha-512');
    expect(security.sasl?.username).toBe('ferry-wms-adapter');
    expect(security.sasl?.password).toBe('pa55word');
    expect({ ...security.ssl }).toEqual({ rejectUnauthorized: true, ca: PEM });
  });

  it('takes SCRAM-SHA-256 and PLAIN in kafkajs spelling', () => {
    for (const [mechanism, spelled] of [
      ['SCRAM-SHA-256', 'scram-sha-256'],
      ['PLAIN', 'plain'],
    ] as const) {
      const security = kafkaClientSecurity({
        securityProtocol: 'SASL_SSL',
        saslMechanism: mechanism,
        saslUsername: 'u',
        saslPassword: 'p',
      });
      expect(security.sasl?.mechanism).toBe(spelled);
    }
  });

  it('reads a rotated password file at the next connection, keeping the last one while it is gone', () => {
    const path = file('rotating', 'first');
    const security = kafkaClientSecurity({
      securityProtocol: 'SASL_SSL',
      saslUsername: 'u',
      saslPasswordFile: path,
    });
    expect(security.sasl?.password).toBe('first');
    writeFileSync(`${path}.new`, 'second\n');
    renameSync(`${path}.new`, path);
    expect(security.sasl?.password).toBe('second');
    renameSync(path, `${path}.gone`);
    expect(security.sasl?.password).toBe('second');
  });

  it('gives mutual TLS the client certificate and key', () => {
    const security = kafkaClientSecurity({
      securityProtocol: 'SSL',
      sslCaFile: file('ca2.pem', PEM),
      sslCertFile: file('client.pem', PEM),
      sslKeyFile: file('client.key', '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n'),
      sslServername: 'kafka.internal',
    });
    expect(security.sasl).toBeUndefined();
    expect(security.ssl?.cert).toBe(PEM);
    expect(security.ssl?.key).toContain('PRIVATE KEY');
    expect(security.ssl?.servername).toBe('kafka.internal');
    expect(security.ssl?.rejectUnauthorized).toBe(true);
    expect(security.summary).toContain('client certificate');
  });

  it('keeps the password out of enumeration, so a logged config object cannot show it', () => {
    const security = kafkaClientSecurity({
      securityProtocol: 'SASL_SSL',
      saslUsername: 'u',
      saslPassword: 'do-not-print',
    });
    expect(JSON.stringify(security)).not.toContain('do-not-print');
    expect(security.summary).not.toContain('do-not-print');
  });

  it('reports every inconsistency at once, naming variables and never a secret', () => {
    const problems = problemsOf(() =>
      kafkaClientSecurity({
        securityProtocol: 'SASL_SSL',
        saslPassword: 'do-not-print',
        saslPasswordFile: file('other', 'x'),
        sslCertFile: file('only-cert.pem', PEM),
      }),
    );
    expect(problems).toEqual([
      'give KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both',
      'KAFKA_SASL_USERNAME is required with SASL_SSL',
      'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE is required with SASL_SSL',
      'KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together (mutual TLS)',
    ]);
    expect(problems.join('\n')).not.toContain('do-not-print');
  });

  it('refuses PLAIN over SASL_PLAINTEXT: the password would cross the network in clear', () => {
    expect(
      problemsOf(() =>
        kafkaClientSecurity({
          securityProtocol: 'SASL_PLAINTEXT',
          saslMechanism: 'PLAIN',
          saslUsername: 'u',
          saslPassword: 'p',
        }),
      ),
    ).toEqual([
      'KAFKA_SASL_MECHANISM=PLAIN over SASL_PLAINTEXT would send the password in clear: use SASL_SSL',
    ]);
  });

  it('refuses credentials or TLS files the protocol would silently ignore', () => {
    expect(
      problemsOf(() =>
        kafkaClientSecurity({
          saslUsername: 'u',
          saslPassword: 'p',
          sslCaFile: file('c.pem', PEM),
        }),
      ),
    ).toEqual([
      'SASL credentials are given but KAFKA_SECURITY_PROTOCOL=PLAINTEXT uses none',
      'TLS files are given but KAFKA_SECURITY_PROTOCOL=PLAINTEXT uses no TLS',
    ]);
  });

  it('names unreadable, empty and non-PEM files without their content', () => {
    const problems = problemsOf(() =>
      kafkaClientSecurity({
        securityProtocol: 'SASL_SSL',
        saslUsername: 'u',
        saslPasswordFile: file('empty', '\n'),
        sslCaFile: file('not-pem', 'secret-looking-bytes'),
        sslCertFile: join(folder, 'missing.pem'),
        sslKeyFile: file('k.pem', PEM),
      }),
    );
    expect(problems).toEqual([
      `KAFKA_SASL_PASSWORD_FILE=${join(folder, 'empty')} is empty`,
      `KAFKA_SSL_CA_FILE=${join(folder, 'not-pem')} is not PEM (no -----BEGIN line)`,
      `KAFKA_SSL_CERT_FILE=${join(folder, 'missing.pem')} cannot be read (ENOENT)`,
      'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE is required with SASL_SSL',
      'KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together (mutual TLS)',
    ]);
    expect(problems.join('\n')).not.toContain('secret-looking-bytes');
  });
});
