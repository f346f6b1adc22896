import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IngressScopes } from '@ferry/contracts';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';

/** What a token is minted for; every field has a default that passes Ferry's checks. */
export interface TokenRequest {
  /** `sub`: the caller Ferry names on events and logs. */
  readonly subject?: string;
  /** Defaults to every ingress scope. */
  readonly scopes?: readonly string[];
  readonly audience?: string;
  readonly issuer?: string;
  /** Seconds from now; negative for a token that has already expired. */
  readonly expiresInSeconds?: number;
}

/**
 * A stand-in for a commerce team's IdP, for local runs and tests: an ES256 key pair whose public
 * half is the JWKS file the services read, and tokens signed with the private half (kept in
 * memory only).
 */
export interface IngressIssuer {
  /** FERRY_AUTH_* that make a service trust this issuer. */
  readonly env: Readonly<Record<string, string>>;
  /** The folder of the JWKS file (removed when the process exits). */
  readonly directory: string;
  token(request?: TokenRequest): Promise<string>;
  /** `Bearer <token>`, for an Authorization header. */
  authorization(request?: TokenRequest): Promise<string>;
  /**
   * Key rotation as an IdP does it: a new key joins the JWKS (the old one stays, so tokens
   * already issued still pass), and tokens are signed with the new key from now on.
   */
  rotate(): Promise<void>;
  /**
   * Drops every key but the newest from the JWKS: tokens of older keys stop passing once a
   * service loads the file again (FERRY_AUTH_JWKS_MAX_AGE_MS, 1 s here).
   */
  retireOldKeys(): void;
}

export const LOCAL_ISSUER = 'https://issuer.ferry.local';
export const LOCAL_AUDIENCE = 'ferry';
export const LOCAL_CALLER = 'ferry-local-tools';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicJwk: JWK;
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomBytes(6).toString('hex');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' } };
}

/** Starts an issuer whose JWKS file lives in `directory` (created, and removed at exit). */
export async function startIngressIssuer(directory: string): Promise<IngressIssuer> {
  mkdirSync(directory, { recursive: true });
  process.once('exit', () => {
    rmSync(directory, { recursive: true, force: true });
  });
  const jwksFile = join(directory, 'jwks.json');
  let keys = [await newSigningKey()];
  const writeJwks = (): void => {
    writeFileSync(jwksFile, JSON.stringify({ keys: keys.map((key) => key.publicJwk) }));
  };
  writeJwks();
  const token = async (request: TokenRequest = {}): Promise<string> => {
    const signer = keys[keys.length - 1];
    if (signer === undefined) throw new Error('the issuer holds no key');
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ scope: (request.scopes ?? Object.values(IngressScopes)).join(' ') })
      .setProtectedHeader({ alg: 'ES256', kid: signer.kid, typ: 'at+jwt' })
      .setIssuer(request.issuer ?? LOCAL_ISSUER)
      .setAudience(request.audience ?? LOCAL_AUDIENCE)
      .setSubject(request.subject ?? LOCAL_CALLER)
      .setIssuedAt(now)
      .setExpirationTime(now + (request.expiresInSeconds ?? 3600))
      .sign(signer.privateKey);
  };
  return {
    env: {
      FERRY_AUTH_MODE: 'jwt',
      FERRY_AUTH_JWKS_FILE: jwksFile,
      FERRY_AUTH_ISSUER: LOCAL_ISSUER,
      FERRY_AUTH_AUDIENCE: LOCAL_AUDIENCE,
      // A rotated key is picked up on the first token that names it, a retired one within 1 s.
      FERRY_AUTH_JWKS_COOLDOWN_MS: '0',
      FERRY_AUTH_JWKS_MAX_AGE_MS: '1000',
    },
    directory,
    token,
    authorization: async (request) => `Bearer ${await token(request)}`,
    rotate: async () => {
      keys = [...keys, await newSigningKey()];
      writeJwks();
    },
    retireOldKeys: () => {
      keys = keys.slice(-1);
      writeJwks();
    },
  };
}

const repoRoot = resolve(__dirname, '..', '..', '..');
let local: Promise<IngressIssuer> | undefined;

/**
 * The issuer every service started by this process trusts (see startService), its JWKS in the
 * run folder of the Ferry home. Callers of those services take their tokens from it.
 */
export function localIngressIssuer(): Promise<IngressIssuer> {
  const home = process.env['FERRY_HOME'] ?? join(repoRoot, '.ferry');
  local ??= startIngressIssuer(
    join(home, 'run', 'ingress-issuers', `${process.pid}-${randomBytes(3).toString('hex')}`),
  );
  return local;
}

/** `Bearer <token>` of the local issuer: what a caller of a service started here sends. */
export async function localAuthorization(request?: TokenRequest): Promise<string> {
  return (await localIngressIssuer()).authorization(request);
}
