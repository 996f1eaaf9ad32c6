import { ACCESS_TOKEN_AUDIENCES, DEFAULT_ISSUER } from '@gametriggers/auth';
import type { AccountKindClaim } from '@gametriggers/auth';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK } from 'jose';

interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface TokenClaims {
  kind: AccountKindClaim;
  sub?: string;
  eid?: string;
  sid?: string;
  scope?: string;
}

export interface MintOptions {
  /** Default: the newest published key. */
  key?: SigningKey;
  /** Header `kid`; default the key's. */
  kid?: string;
  typ?: string;
  iss?: string;
  /** Default the kind's audience. */
  aud?: string | string[];
  /** Seconds from now; default 900. */
  expiresIn?: number;
  /** Seconds from now; absent by default. */
  notBefore?: number;
  /** Claims replacing the kind's (e.g. a kind that does not match the audience). */
  extra?: Record<string, unknown>;
}

export async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

/**
 * What identity will do, for tests: ES256 signing keys published as a JWKS (rotate() adds one,
 * retire() removes one), and access tokens as identity signs them, correct unless told otherwise.
 */
export async function createTestKeys() {
  let published: SigningKey[] = [await newSigningKey('key-1')];
  let fetches = 0;
  let generation = 1;
  const mint = async (claims: TokenClaims, options: MintOptions = {}): Promise<string> => {
    const key = options.key ?? published[0]!;
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({
      kind: claims.kind,
      sid: claims.sid ?? 'session-1',
      scope: claims.scope ?? '',
      ...(claims.eid ? { eid: claims.eid } : {}),
      ...options.extra,
    })
      .setProtectedHeader({ alg: 'ES256', kid: options.kid ?? key.kid, typ: options.typ ?? 'at+jwt' })
      .setIssuer(options.iss ?? DEFAULT_ISSUER)
      .setAudience(options.aud ?? ACCESS_TOKEN_AUDIENCES[claims.kind])
      .setSubject(claims.sub ?? 'account-1')
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresIn ?? 900));
    if (options.notBefore !== undefined) jwt.setNotBefore(now + options.notBefore);
    return jwt.sign(key.privateKey);
  };
  return {
    mint,
    /** The JWKS document, counting how often it is served. */
    document: () => {
      fetches += 1;
      return { keys: published.map((key) => key.publicJwk) };
    },
    fetches: () => fetches,
    current: () => published[0]!,
    /** Publishes a new key first (it signs from now on); the old ones stay published. */
    rotate: async () => {
      generation += 1;
      const key = await newSigningKey(`key-${generation}`);
      published = [key, ...published];
      return key;
    },
    retire: (kid: string) => {
      published = published.filter((key) => key.kid !== kid);
    },
  };
}

export type TestKeys = Awaited<ReturnType<typeof createTestKeys>>;
