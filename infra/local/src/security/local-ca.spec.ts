import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureLocalCa, issueLeafCertificate } from './local-ca';

const home = mkdtempSync(join(tmpdir(), 'ferry-local-ca-'));
afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

describe('the local CA', () => {
  it('signs a certificate for 127.0.0.1 and localhost, with a private key only its owner reads', async () => {
    const leaf = await issueLeafCertificate(home, 'registry');
    const ca = new X509Certificate(readFileSync(leaf.caFile));
    const cert = new X509Certificate(readFileSync(leaf.certFile));
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca) && cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkHost('registry.example')).toBeUndefined();
    expect(readFileSync(leaf.keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(statSync(leaf.keyFile).mode & 0o777).toBe(0o600);
    expect(statSync((await ensureLocalCa(home)).keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(leaf.chainFile, 'utf8')).toBe(
      `${readFileSync(leaf.certFile, 'utf8')}${readFileSync(leaf.caFile, 'utf8')}`,
    );
  });

  it('is made once per Ferry home: a second leaf comes from the same CA, a known leaf is kept', async () => {
    const first = await issueLeafCertificate(home, 'registry');
    const before = readFileSync(first.certFile, 'utf8');
    const kafka = await issueLeafCertificate(home, 'kafka-broker');
    expect(kafka.caFile).toBe(first.caFile);
    const ca = new X509Certificate(readFileSync(first.caFile));
    expect(new X509Certificate(readFileSync(kafka.certFile)).checkIssued(ca)).toBe(true);
    expect(readFileSync((await issueLeafCertificate(home, 'registry')).certFile, 'utf8')).toBe(
      before,
    );
  });
});
