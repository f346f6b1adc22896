import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { allPrincipals } from '@ferry/contracts';
import { issueLeafCertificate, securityDir, type LeafCertificate } from '../security/local-ca';

/** The secured cluster's super user: only the infrastructure and `ops acls apply` use it. */
export const ADMIN_PRINCIPAL = 'ferry-admin';
/** The brokers' own certificate; its principal is a super user (broker to broker, controller). */
export const BROKER_PRINCIPAL = 'ferry-broker';

/**
 * Everything a secured local cluster and its clients authenticate with, under
 * `<home>/security`: the local CA, the brokers' certificate, and for the admin and every Ferry
 * principal a client certificate (`certs/<principal>.crt|.key`) and a SCRAM password
 * (`kafka/<principal>.password`). Made once per Ferry home.
 */
export interface KafkaCredentials {
  /** The password files. */
  readonly folder: string;
  readonly certificatesFolder: string;
  readonly caFile: string;
  readonly broker: LeafCertificate;
  /** The brokers' PEM key store: key and certificate in one file, as Kafka reads it. */
  readonly brokerKeyStore: string;
  readonly principals: readonly string[];
}

export async function ensureKafkaCredentials(home: string): Promise<KafkaCredentials> {
  const securityFolder = join(securityDir(home), 'kafka');
  mkdirSync(securityFolder, { recursive: true, mode: 0o700 });
  const broker = await issueLeafCertificate(home, BROKER_PRINCIPAL);
  const brokerKeyStore = join(securityFolder, `${BROKER_PRINCIPAL}.keystore.pem`);
  writeFileSync(
    brokerKeyStore,
    readFileSync(broker.keyFile, 'utf8') + readFileSync(broker.chainFile, 'utf8'),
    { mode: 0o600 },
  );
  const principals = [ADMIN_PRINCIPAL, ...allPrincipals()];
  for (const principal of principals) {
    await issueLeafCertificate(home, principal);
    const file = passwordFileOf(securityFolder, principal);
    if (!existsSync(file))
      writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  return {
    folder: securityFolder,
    certificatesFolder: dirname(broker.certFile),
    caFile: broker.caFile,
    broker,
    brokerKeyStore,
    principals,
  };
}

export function passwordFileOf(securityFolder: string, principal: string): string {
  return join(securityFolder, `${principal}.password`);
}

export function readPassword(securityFolder: string, principal: string): string {
  return readFileSync(passwordFileOf(securityFolder, principal), 'utf8');
}
