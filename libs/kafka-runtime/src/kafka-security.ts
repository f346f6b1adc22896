import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ConfigError,
  currentSecret,
  oneOf,
  option,
  secretOption,
  text,
  type SecretSource,
} from '@ferry/config';

/**
 * How Ferry authenticates to Kafka and protects the connection, in the terms of Kafka's own
 * client settings (`security.protocol`, `sasl.mechanism`, `ssl.*`). Secrets come from a variable
 * or, better, from a file (a mounted Kubernetes Secret); files are read again at every new
 * broker connection, so a rotated secret takes effect without a restart.
 */
export const kafkaSecurityOptions = {
  securityProtocol: option(
    'KAFKA_SECURITY_PROTOCOL',
    oneOf('PLAINTEXT', 'SSL', 'SASL_SSL', 'SASL_PLAINTEXT'),
    'PLAINTEXT',
    'PLAINTEXT, SSL (TLS; mutual with a client certificate), SASL_SSL or SASL_PLAINTEXT',
  ),
  saslMechanism: option(
    'KAFKA_SASL_MECHANISM',
    oneOf('SCRAM-SHA-512', 'SCRAM-SHA-256', 'PLAIN'),
    'SCRAM-SHA-512',
    'SASL mechanism for the SASL_* protocols',
  ),
  saslUsername: option(
    'KAFKA_SASL_USERNAME',
    text,
    '',
    'SASL user (the Kafka principal User:<name>)',
  ),
  saslPassword: secretOption('KAFKA_SASL_PASSWORD', 'SASL password (prefer the _FILE variable)'),
  saslPasswordFile: option(
    'KAFKA_SASL_PASSWORD_FILE',
    filePath,
    '',
    'File holding the SASL password (read again at each new connection)',
  ),
  sslCaFile: option(
    'KAFKA_SSL_CA_FILE',
    filePath,
    '',
    "PEM bundle of the CAs that signed the brokers' certificates; empty: the system's CAs",
  ),
  sslCertFile: option(
    'KAFKA_SSL_CERT_FILE',
    filePath,
    '',
    'PEM client certificate (chain) for mutual TLS',
  ),
  sslKeyFile: option(
    'KAFKA_SSL_KEY_FILE',
    filePath,
    '',
    'PEM private key of the client certificate',
  ),
  sslKeyPassword: secretOption('KAFKA_SSL_KEY_PASSWORD', 'Passphrase of an encrypted client key'),
  sslKeyPasswordFile: option(
    'KAFKA_SSL_KEY_PASSWORD_FILE',
    filePath,
    '',
    'File holding the passphrase of an encrypted client key',
  ),
  sslServername: option(
    'KAFKA_SSL_SERVERNAME',
    text,
    '',
    "Name the brokers' certificates are checked against when it is not the host connected to",
  ),
};

export type KafkaSecurityProtocol = 'PLAINTEXT' | 'SSL' | 'SASL_SSL' | 'SASL_PLAINTEXT';
export type KafkaSaslMechanism = 'SCRAM-SHA-512' | 'SCRAM-SHA-256' | 'PLAIN';

/** The security settings as read; every field may be left out for a plaintext connection. */
export interface KafkaSecuritySettings {
  readonly securityProtocol?: KafkaSecurityProtocol;
  readonly saslMechanism?: KafkaSaslMechanism;
  readonly saslUsername?: string;
  readonly saslPassword?: string;
  readonly saslPasswordFile?: string;
  readonly sslCaFile?: string;
  readonly sslCertFile?: string;
  readonly sslKeyFile?: string;
  readonly sslKeyPassword?: string;
  readonly sslKeyPasswordFile?: string;
  readonly sslServername?: string;
}

/** What kafkajs is given: `ssl` as TLS socket options, `sasl` with the mechanism in its spelling. */
export interface KafkaClientSecurity {
  readonly ssl?: TlsSettings;
  readonly sasl?: SaslSettings;
  /** For the start-up log line: protocol, mechanism, user and files, never a secret. */
  readonly summary: string;
}

export interface TlsSettings {
  readonly rejectUnauthorized: true;
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly passphrase?: string;
  readonly servername?: string;
}

export type SaslSettings = {
  readonly username: string;
  readonly password: string;
} & (
  | { readonly mechanism: 'scram-sha-512' }
  | { readonly mechanism: 'scram-sha-256' }
  | { readonly mechanism: 'plain' }
);

/**
 * Checks the settings as a whole and builds the client's security. Every problem is reported at
 * once, as a configuration error naming variables and files, never their secret contents.
 */
export function kafkaClientSecurity(settings: KafkaSecuritySettings): KafkaClientSecurity {
  const protocol = settings.securityProtocol ?? 'PLAINTEXT';
  const usesTls = protocol === 'SSL' || protocol === 'SASL_SSL';
  const usesSasl = protocol === 'SASL_SSL' || protocol === 'SASL_PLAINTEXT';
  const mechanism = settings.saslMechanism ?? 'SCRAM-SHA-512';
  const problems: string[] = [];

  const password = secret(
    'KAFKA_SASL_PASSWORD',
    settings.saslPassword,
    settings.saslPasswordFile,
    problems,
  );
  const keyPassword = secret(
    'KAFKA_SSL_KEY_PASSWORD',
    settings.sslKeyPassword,
    settings.sslKeyPasswordFile,
    problems,
  );
  const ca = pemFile('KAFKA_SSL_CA_FILE', settings.sslCaFile, problems);
  const cert = pemFile('KAFKA_SSL_CERT_FILE', settings.sslCertFile, problems);
  const key = pemFile('KAFKA_SSL_KEY_FILE', settings.sslKeyFile, problems);
  const username = settings.saslUsername ?? '';
  const servername = settings.sslServername ?? '';

  if (usesSasl) {
    if (username === '') problems.push(`KAFKA_SASL_USERNAME is required with ${protocol}`);
    if (password === undefined)
      problems.push(`KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE is required with ${protocol}`);
    if (protocol === 'SASL_PLAINTEXT' && mechanism === 'PLAIN')
      problems.push(
        'KAFKA_SASL_MECHANISM=PLAIN over SASL_PLAINTEXT would send the password in clear: use SASL_SSL',
      );
  } else if (username !== '' || password !== undefined) {
    problems.push(`SASL credentials are given but KAFKA_SECURITY_PROTOCOL=${protocol} uses none`);
  }
  if (!usesTls && [ca, cert, key].some((file) => file !== undefined))
    problems.push(`TLS files are given but KAFKA_SECURITY_PROTOCOL=${protocol} uses no TLS`);
  if ((cert === undefined) !== (key === undefined))
    problems.push('KAFKA_SSL_CERT_FILE and KAFKA_SSL_KEY_FILE go together (mutual TLS)');
  if (keyPassword !== undefined && key === undefined)
    problems.push('a client key passphrase is given but no KAFKA_SSL_KEY_FILE');
  if (problems.length > 0) throw new ConfigError(problems);

  const ssl = usesTls
    ? tlsSettings({ ca, cert, key, passphrase: keyPassword, servername })
    : undefined;
  const sasl =
    usesSasl && password !== undefined ? saslSettings(mechanism, username, password) : undefined;
  return { ssl, sasl, summary: describeSecurity(protocol, mechanism, settings) };
}

function describeSecurity(
  protocol: KafkaSecurityProtocol,
  mechanism: KafkaSaslMechanism,
  settings: KafkaSecuritySettings,
): string {
  const parts: string[] = [protocol];
  if (protocol.startsWith('SASL_')) parts.push(`${mechanism} as ${settings.saslUsername ?? ''}`);
  if (settings.sslCaFile) parts.push(`CA ${settings.sslCaFile}`);
  if (settings.sslCertFile) parts.push(`client certificate ${settings.sslCertFile}`);
  return parts.join(', ');
}

/** A secret read when kafkajs asks for it: from its file when one is named, else the value. */
type SecretReader = () => string;

function secret(
  variable: string,
  value: string | undefined,
  file: string | undefined,
  problems: string[],
): SecretReader | undefined {
  const given = value !== undefined && value !== '';
  const fromFile = file !== undefined && file !== '';
  if (given && fromFile) {
    problems.push(`give ${variable} or ${variable}_FILE, not both`);
    return undefined;
  }
  if (given) return () => value;
  if (!fromFile) return undefined;
  const first = readSecretFile(variable, file, problems);
  if (first === undefined) return undefined;
  return rereadFile(variable, file, first);
}

/**
 * Reads the file again when it changed; while it cannot be read or is empty (a Secret being
 * rotated is swapped by symlink), the last value read stands and the broker says whether it still
 * works.
 */
function rereadFile(variable: string, file: string, first: string): SecretReader {
  const source: SecretSource = { env: variable, file };
  const read = currentSecret(source);
  let last = first;
  return () => {
    try {
      last = read();
    } catch {
      // The last value stands.
    }
    return last;
  };
}

function readSecretFile(variable: string, file: string, problems: string[]): string | undefined {
  try {
    const content = trimFinalNewline(readFileSync(file, 'utf8'));
    if (content === '') problems.push(`${variable}_FILE=${file} is empty`);
    return content === '' ? undefined : content;
  } catch (error: unknown) {
    problems.push(`${variable}_FILE=${file} cannot be read (${errorCode(error)})`);
    return undefined;
  }
}

function pemFile(variable: string, file: string | undefined, problems: string[]) {
  if (file === undefined || file === '') return undefined;
  try {
    const content = readFileSync(file, 'utf8');
    if (!content.includes('-----BEGIN ')) {
      problems.push(`${variable}=${file} is not PEM (no -----BEGIN line)`);
      return undefined;
    }
    return rereadFile(variable, file, content);
  } catch (error: unknown) {
    problems.push(`${variable}=${file} cannot be read (${errorCode(error)})`);
    return undefined;
  }
}

/**
 * TLS socket options whose files are read at each connection (kafkajs copies them into
 * `tls.connect` then). The server's certificate and name are always checked.
 */
function tlsSettings(files: {
  ca: SecretReader | undefined;
  cert: SecretReader | undefined;
  key: SecretReader | undefined;
  passphrase: SecretReader | undefined;
  servername: string;
}): TlsSettings {
  const settings = { rejectUnauthorized: true as const };
  const getters: PropertyDescriptorMap = {};
  for (const name of ['ca', 'cert', 'key', 'passphrase'] as const) {
    const read = files[name];
    if (read !== undefined) getters[name] = { enumerable: true, get: read };
  }
  if (files.servername !== '')
    getters['servername'] = { enumerable: true, value: files.servername };
  return Object.defineProperties(settings, getters);
}

function saslSettings(
  mechanism: KafkaSaslMechanism,
  username: string,
  password: SecretReader,
): SaslSettings {
  const settings = { mechanism: saslMechanismName(mechanism), username };
  return Object.defineProperty(settings, 'password', {
    enumerable: false,
    get: password,
  }) as SaslSettings;
}

function saslMechanismName(mechanism: KafkaSaslMechanism): SaslSettings['mechanism'] {
  return mechanism.toLowerCase() as SaslSettings['mechanism'];
}

function filePath(raw: string): string {
  return raw.trim() === '' ? '' : resolve(raw.trim());
}

function trimFinalNewline(content: string): string {
  return content.replace(/\r?\n$/, '');
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : 'unreadable';
}
