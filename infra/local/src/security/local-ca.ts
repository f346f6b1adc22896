import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { LocalInfraError, ToolMissingError } from '../errors';
import { runCommand } from '../tools/run-command';

/** The names every local listener answers to; a client checks the one it dialled. */
export const LOCAL_HOST_NAMES = ['127.0.0.1', 'localhost'] as const;

const CA_DAYS = 3650;
const LEAF_DAYS = 825;

/** PEM files of the Ferry home's certificate authority. */
export interface LocalCa {
  readonly certFile: string;
  readonly keyFile: string;
}

/** PEM files of a certificate the local CA signed; the key is unencrypted PKCS#8, mode 0600. */
export interface LeafCertificate {
  readonly certFile: string;
  readonly keyFile: string;
  /** The leaf then the CA: what a server presents (Kafka's `ssl.keystore.certificate.chain`). */
  readonly chainFile: string;
  readonly caFile: string;
}

/** The folder under the Ferry home (git-ignored) that holds the CA and the certificates it signs. */
export function securityDir(home: string): string {
  return join(home, 'security');
}

async function openssl(args: readonly string[], doing: string): Promise<void> {
  const result = await runCommand('openssl', args, { timeoutMs: 60_000 });
  if (result === undefined)
    throw new ToolMissingError('openssl is not installed', 'Install it (apt-get install openssl).');
  if (result.exitCode !== 0)
    throw new LocalInfraError(`openssl failed while ${doing}: ${result.output.trim()}`);
}

function keepPrivate(file: string): void {
  chmodSync(file, 0o600);
}

/**
 * The CA of this Ferry home, made once (RSA 2048, ten years) and reused, so that every listener's
 * certificate and every client's trust come from one root: trust `certFile` and all local TLS
 * endpoints verify. Delete securityDir(home) to start over: leaves are issued again with it.
 */
export async function ensureLocalCa(home: string): Promise<LocalCa> {
  const dir = join(securityDir(home), 'ca');
  const ca = { certFile: join(dir, 'ca.crt'), keyFile: join(dir, 'ca.key') };
  if (existsSync(ca.certFile) && existsSync(ca.keyFile)) return ca;
  // Made beside and renamed into place: a half-made CA is never taken for a whole one.
  const scratch = `${dir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true, mode: 0o700 });
  const key = join(scratch, 'ca.key');
  await openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-keyout',
      key,
      '-out',
      join(scratch, 'ca.crt'),
      '-days',
      String(CA_DAYS),
      '-subj',
      '/CN=Ferry local CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE,pathlen:0',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    'making the local CA',
  );
  keepPrivate(key);
  rmSync(dir, { recursive: true, force: true });
  renameSync(scratch, dir);
  return ca;
}

/**
 * A certificate for `name` (a file name and the subject's CN) signed by the local CA, valid for
 * 127.0.0.1 and localhost, for both server and client use (a broker's listener, mTLS clients).
 * Issued once; issued again when missing.
 */
export async function issueLeafCertificate(
  home: string,
  name: string,
  hosts: readonly string[] = LOCAL_HOST_NAMES,
): Promise<LeafCertificate> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name))
    throw new RangeError(`A certificate name is lowercase letters, digits and dashes: ${name}`);
  const ca = await ensureLocalCa(home);
  const dir = join(securityDir(home), 'certs');
  const leaf: LeafCertificate = {
    certFile: join(dir, `${name}.crt`),
    keyFile: join(dir, `${name}.key`),
    chainFile: join(dir, `${name}.chain.pem`),
    caFile: ca.certFile,
  };
  if ([leaf.certFile, leaf.keyFile, leaf.chainFile].every((file) => existsSync(file))) return leaf;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const request = join(dir, `${name}.csr`);
  const extensions = join(dir, `${name}.ext`);
  const altNames = hosts.map((host) => (/^[\d.]+$/.test(host) ? `IP:${host}` : `DNS:${host}`));
  writeFileSync(
    extensions,
    [
      `subjectAltName=${altNames.join(',')}`,
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth,clientAuth',
      '',
    ].join('\n'),
  );
  try {
    await openssl(
      [
        'req',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        leaf.keyFile,
        '-out',
        request,
        '-subj',
        `/CN=${name}`,
      ],
      `making the key of ${name}`,
    );
    keepPrivate(leaf.keyFile);
    await openssl(
      [
        'x509',
        '-req',
        '-sha256',
        '-in',
        request,
        '-CA',
        ca.certFile,
        '-CAkey',
        ca.keyFile,
        '-CAcreateserial',
        '-out',
        leaf.certFile,
        '-days',
        String(LEAF_DAYS),
        '-extfile',
        extensions,
      ],
      `signing the certificate of ${name}`,
    );
  } finally {
    rmSync(request, { force: true });
    rmSync(extensions, { force: true });
  }
  writeFileSync(
    leaf.chainFile,
    `${readFileSync(leaf.certFile, 'utf8')}${readFileSync(ca.certFile, 'utf8')}`,
  );
  return leaf;
}
