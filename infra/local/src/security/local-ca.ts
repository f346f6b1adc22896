import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalInfraError } from '../errors';
import { runCommand } from '../tools/run-command';

/**
 * A certificate authority of one Ferry home, made with openssl: it signs the certificates of the
 * local brokers, the registry and every client principal. Nothing of it leaves the machine; the
 * files live under `<home>/security` (git-ignored with the rest of the home), keys readable by
 * their owner only.
 */
export interface LocalCa {
  readonly folder: string;
  /** PEM of the CA certificate: the trust anchor clients and brokers are given. */
  readonly caFile: string;
}

/** A key and a certificate signed by the local CA, both PEM; the key is unencrypted PKCS#8. */
export interface IssuedCertificate {
  readonly certFile: string;
  readonly keyFile: string;
}

const DAYS = 825;

export async function ensureLocalCa(folder: string): Promise<LocalCa> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const ca = { folder, caFile: join(folder, 'ca.pem') };
  const keyFile = join(folder, 'ca.key');
  if (existsSync(ca.caFile) && existsSync(keyFile)) return ca;
  await openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    ca.caFile,
    '-days',
    String(DAYS),
    '-subj',
    '/CN=Ferry local CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  chmodSync(keyFile, 0o600);
  return ca;
}

/**
 * A certificate for `name` (its CN, which Ferry's brokers map to the principal `User:<name>`),
 * valid for 127.0.0.1 and localhost, as server and as client. Made once; kept afterwards.
 */
export async function issueCertificate(ca: LocalCa, name: string): Promise<IssuedCertificate> {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(name))
    throw new LocalInfraError(
      `"${name}" cannot name a certificate (lower-case letters, digits, . -)`,
    );
  const issued = {
    certFile: join(ca.folder, `${name}.pem`),
    keyFile: join(ca.folder, `${name}.key`),
  };
  if (existsSync(issued.certFile) && existsSync(issued.keyFile)) return issued;
  const request = join(ca.folder, `${name}.csr`);
  const extensions = join(ca.folder, `${name}.ext`);
  writeFileSync(
    extensions,
    'subjectAltName=IP:127.0.0.1,DNS:localhost\n' +
      'keyUsage=critical,digitalSignature,keyEncipherment\n' +
      'extendedKeyUsage=serverAuth,clientAuth\n',
  );
  try {
    await openssl([
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      issued.keyFile,
      '-out',
      request,
      '-subj',
      `/CN=${name}`,
    ]);
    chmodSync(issued.keyFile, 0o600);
    await openssl([
      'x509',
      '-req',
      '-in',
      request,
      '-CA',
      ca.caFile,
      '-CAkey',
      join(ca.folder, 'ca.key'),
      '-CAcreateserial',
      '-days',
      String(DAYS),
      '-extfile',
      extensions,
      '-out',
      issued.certFile,
    ]);
  } finally {
    rmSync(request, { force: true });
    rmSync(extensions, { force: true });
  }
  return issued;
}

async function openssl(args: string[]): Promise<void> {
  const result = await runCommand('openssl', args, { timeoutMs: 60_000 });
  if (result === undefined)
    throw new LocalInfraError(
      'openssl could not be run',
      'Install it (Debian: apt-get install openssl); `npm run infra -- up --secure` needs it.',
    );
  if (result.exitCode !== 0)
    throw new LocalInfraError(`openssl ${args[0] ?? ''} failed:\n${result.output.slice(-2000)}`);
}
