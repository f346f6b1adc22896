import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allPrincipals } from '@ferry/contracts';
import { ensureLocalCa, issueCertificate, type IssuedCertificate } from '../security/local-ca';

/** The secured cluster's super user: only the infrastructure and `ops acls apply` use it. */
export const ADMIN_PRINCIPAL = 'ferry-admin';
/** The brokers' own certificate; its principal is a super user (broker to broker, controller). */
export const BROKER_PRINCIPAL = 'ferry-broker';

/**
 * Everything a secured local cluster and its clients authenticate with, under
 * `<home>/security`: the local CA, the brokers' certificate, and for the admin and every Ferry
 * principal a SCRAM password file and a client certificate. Made once per Ferry home.
 */
export interface KafkaCredentials {
  readonly folder: string;
  readonly caFile: string;
  readonly broker: IssuedCertificate;
  /** The brokers' PEM key store: key and certificate in one file, as Kafka reads it. */
  readonly brokerKeyStore: string;
  readonly principals: readonly string[];
}

export async function ensureKafkaCredentials(securityFolder: string): Promise<KafkaCredentials> {
  const ca = await ensureLocalCa(securityFolder);
  const broker = await issueCertificate(ca, BROKER_PRINCIPAL);
  const brokerKeyStore = join(securityFolder, `${BROKER_PRINCIPAL}.keystore.pem`);
  writeFileSync(
    brokerKeyStore,
    readFileSync(broker.keyFile, 'utf8') + readFileSync(broker.certFile, 'utf8'),
    { mode: 0o600 },
  );
  const principals = [ADMIN_PRINCIPAL, ...allPrincipals()];
  for (const principal of principals) {
    await issueCertificate(ca, principal);
    const file = passwordFileOf(securityFolder, principal);
    if (!existsSync(file))
      writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  }
  return { folder: securityFolder, caFile: ca.caFile, broker, brokerKeyStore, principals };
}

export function passwordFileOf(securityFolder: string, principal: string): string {
  return join(securityFolder, `${principal}.password`);
}

export function readPassword(securityFolder: string, principal: string): string {
  return readFileSync(passwordFileOf(securityFolder, principal), 'utf8');
}
