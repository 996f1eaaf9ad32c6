import { randomBytes } from 'node:crypto';
import { ACCESS_TOKEN_AUDIENCES, ACCESS_TOKEN_TTL_SECONDS, DEFAULT_ISSUER, JWKS_PATH, createAccessTokenVerifier } from '@gametriggers/auth';
import { silentLogger, startTestSubgraph } from '@gametriggers/testkit';
import type { TestSubgraph } from '@gametriggers/testkit';
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIdentityConfig } from '../src/config';
import { createDb } from '../src/db';
import type { Db } from '../src/db';
import { identitySubgraph } from '../src/index';
import { createIdentitySealer } from '../src/signing-key/encryption-keys';
import { PASSIVE_KEY_RETENTION_SECONDS } from '../src/signing-key/signing-key-lifetimes';
import { createSigningKeys } from '../src/signing-key/signing-keys';
import { DEFAULT_SCOPES } from '../src/token/scopes';
import { adminViewer, createAccount, signIn, viewerOf } from './factories';

let subgraph: TestSubgraph;
let db: Db;
let jwksUrl: URL;
beforeAll(async () => {
  subgraph = await startTestSubgraph(identitySubgraph);
  db = createDb(subgraph.databaseUrl);
  jwksUrl = new URL(JWKS_PATH, subgraph.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await subgraph?.stop();
});

const ROTATE = `mutation { rotateSigningKey { kid status createdAt } }`;
/** A fresh remote key set each time, as a verifier that has not cached anything yet. */
const verify = (token: string, options: Parameters<typeof jwtVerify>[2] = {}) =>
  jwtVerify(token, createRemoteJWKSet(jwksUrl), { issuer: DEFAULT_ISSUER, algorithms: ['ES256'], typ: 'at+jwt', ...options });
const jwks = async () => {
  const response = await fetch(jwksUrl);
  return { response, body: (await response.json()) as { keys: Record<string, string>[] } };
};

describe('JWKS and access tokens', () => {
  it('serves the public signing keys at /.well-known/jwks.json, cacheable, without private parts', async () => {
    const { response, body } = await jwks();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/jwk-set+json');
    expect(response.headers.get('cache-control')).toMatch(/^public, max-age=60\b/);
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid: expect.any(String),
      alg: 'ES256',
      use: 'sig',
    });
  });

  it('issues a brand token that verifies against the JWKS over HTTP, with the contract’s claims', async () => {
    const account = await createAccount(db, 'BRAND');
    const payload = await signIn(subgraph, 'BRAND', account.email);
    const { payload: claims, protectedHeader } = await verify(payload.accessToken, { audience: ACCESS_TOKEN_AUDIENCES.BRAND });
    const [key] = (await jwks()).body.keys;
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: key!['kid'], typ: 'at+jwt' });
    expect(claims).toEqual({
      iss: DEFAULT_ISSUER,
      aud: 'gametriggers:brand',
      sub: account.id,
      kind: 'BRAND',
      eid: account.brandId,
      sid: viewerOf(payload).sessionId,
      scope: DEFAULT_SCOPES.BRAND.join(' '),
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(claims.exp! - claims.iat!).toBe(ACCESS_TOKEN_TTL_SECONDS);
    expect(claims.exp! * 1000).toBe(new Date(payload.accessTokenExpiresAt).getTime());

    // The router's verifier (@gametriggers/auth) accepts it and derives the viewer.
    const verifier = createAccessTokenVerifier({ jwksUrl: jwksUrl.toString() });
    expect((await verifier.verify(payload.accessToken)).viewer).toEqual({
      kind: 'BRAND',
      accountId: account.id,
      entityId: account.brandId,
      sessionId: viewerOf(payload).sessionId,
      scopes: [...DEFAULT_SCOPES.BRAND],
    });
  });

  it('refuses expired tokens and tokens of another audience', async () => {
    const account = await createAccount(db, 'STREAMER');
    const { accessToken, accessTokenExpiresAt } = await signIn(subgraph, 'STREAMER', account.email);
    await expect(verify(accessToken, { audience: ACCESS_TOKEN_AUDIENCES.STREAMER })).resolves.toBeDefined();
    await expect(verify(accessToken, { audience: ACCESS_TOKEN_AUDIENCES.BRAND })).rejects.toBeInstanceOf(errors.JWTClaimValidationFailed);
    await expect(verify(accessToken, { audience: ACCESS_TOKEN_AUDIENCES.ADMIN })).rejects.toThrow(/aud/);
    const afterExpiry = new Date(new Date(accessTokenExpiresAt).getTime() + 10_000);
    await expect(verify(accessToken, { currentDate: afterExpiry })).rejects.toBeInstanceOf(errors.JWTExpired);
    await expect(verify(accessToken, { issuer: 'https://someone-else.example' })).rejects.toThrow(/iss/);
  });

  it('keeps private keys sealed at rest (AES-256-GCM, bound to their kid)', async () => {
    const [row] = await db.signingKey.findMany({ where: { status: 'ACTIVE' } });
    expect(row!.privateJwkSealed).toMatch(new RegExp(`^v1\\.${row!.kekId}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));
    expect(row!.privateJwkSealed).not.toContain('"d"');
    expect(Object.keys(row!.publicJwk as object).sort()).toEqual(['crv', 'kty', 'x', 'y']);
  });
});

describe('signing key rotation', () => {
  it('refuses rotateSigningKey to anonymous, brand and streamer viewers', async () => {
    const brand = viewerOf(await signIn(subgraph, 'BRAND', (await createAccount(db, 'BRAND')).email));
    expect((await subgraph.query(ROTATE)).errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await subgraph.query(ROTATE, {}, brand)).errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await subgraph.query(`{ signingKeys { kid } }`, {}, brand)).errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await db.signingKey.count()).toBe(1);
  });

  it('rotates: old tokens still verify, new tokens carry the new kid, the old key retires after the retention', async () => {
    const account = await createAccount(db, 'BRAND');
    const before = await signIn(subgraph, 'BRAND', account.email);
    const oldKid = decodeProtectedHeader(before.accessToken).kid!;

    const rotated = await subgraph.query(ROTATE, {}, adminViewer());
    expect(rotated.errors).toBeUndefined();
    const newKid = rotated.data!['rotateSigningKey'].kid as string;
    expect(rotated.data!['rotateSigningKey']).toMatchObject({ status: 'ACTIVE' });
    expect(newKid).not.toBe(oldKid);
    expect((await jwks()).body.keys.map((key) => key['kid'])).toEqual([newKid, oldKid]);

    await expect(verify(before.accessToken)).resolves.toBeDefined();
    const after = await signIn(subgraph, 'BRAND', account.email);
    expect(decodeProtectedHeader(after.accessToken).kid).toBe(newKid);
    await expect(verify(after.accessToken)).resolves.toBeDefined();
    const keys = await subgraph.query(`{ signingKeys { kid status deactivatedAt } }`, {}, adminViewer());
    expect(keys.data!['signingKeys']).toEqual([
      { kid: newKid, status: 'ACTIVE', deactivatedAt: null },
      { kid: oldKid, status: 'PASSIVE', deactivatedAt: expect.any(String) },
    ]);

    // Time passes beyond the retention (access token lifetime + cache + leeway): the key retires.
    const past = new Date(Date.now() - (PASSIVE_KEY_RETENTION_SECONDS + 1) * 1000);
    await db.signingKey.update({ where: { kid: oldKid }, data: { deactivatedAt: past } });
    expect((await jwks()).body.keys.map((key) => key['kid'])).toEqual([newKid]);
    expect(await db.signingKey.findUniqueOrThrow({ where: { kid: oldKid } })).toMatchObject({
      status: 'RETIRED',
      retiredAt: expect.any(Date),
    });
    await expect(verify(before.accessToken)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    await expect(verify(after.accessToken)).resolves.toBeDefined();
  });

  it('keeps exactly one ACTIVE key when several processes create it at once, and in the database itself', async () => {
    await db.signingKey.updateMany({ where: { status: 'ACTIVE' }, data: { status: 'PASSIVE', deactivatedAt: new Date() } });
    const config = loadIdentityConfig();
    const processes = Array.from({ length: 5 }, () => {
      const client = createDb(subgraph.databaseUrl);
      const sealer = createIdentitySealer(config, silentLogger);
      return { client, keys: createSigningKeys({ db: client, sealer: () => sealer, logger: silentLogger, replaceUnreadableKey: false }) };
    });
    try {
      const kids = await Promise.all(processes.map(({ keys }) => keys.active().then((key) => key.kid)));
      expect(new Set(kids).size).toBe(1);
      expect(await db.signingKey.count({ where: { status: 'ACTIVE' } })).toBe(1);
      // Rotations racing each other also leave one.
      await Promise.all(processes.map(({ keys }) => keys.rotate()));
      expect(await db.signingKey.count({ where: { status: 'ACTIVE' } })).toBe(1);
    } finally {
      await Promise.all(processes.map(({ client }) => client.$disconnect()));
    }
    const active = await db.signingKey.findFirstOrThrow({ where: { status: 'ACTIVE' } });
    await expect(
      db.signingKey.create({
        data: { ...active, kid: 'another', privateJwkSealed: active.privateJwkSealed, publicJwk: active.publicJwk as object },
      }),
    ).rejects.toThrow(/Unique constraint/);
  });
});

describe('key-encryption keys', () => {
  const key = () => randomBytes(32).toString('base64');

  it('uses IDENTITY_ENCRYPTION_KEYS and IDENTITY_ENCRYPTION_KEY_ID, and refuses to run without them in production', async () => {
    const env = { IDENTITY_ENCRYPTION_KEYS: `k1:${key()},k2:${key()}`, IDENTITY_ENCRYPTION_KEY_ID: 'k2' };
    expect((await createIdentitySealer(loadIdentityConfig(env), silentLogger)).activeKeyId).toBe('k2');
    const single = loadIdentityConfig({ IDENTITY_ENCRYPTION_KEYS: `only:${key()}` });
    expect((await createIdentitySealer(single, silentLogger)).activeKeyId).toBe('only');
    await expect(
      createIdentitySealer(loadIdentityConfig({ IDENTITY_ENCRYPTION_KEYS: env.IDENTITY_ENCRYPTION_KEYS }), silentLogger),
    ).rejects.toThrow(/IDENTITY_ENCRYPTION_KEY_ID/);
    expect(() => loadIdentityConfig({ NODE_ENV: 'production' })).toThrow(/required in production/);
  });

  it('derives a stable development key from a file in the data directory', async () => {
    const dir = `/tmp/identity-keys-${randomBytes(4).toString('hex')}`;
    const first = await createIdentitySealer(loadIdentityConfig({ DATA_DIR: dir }), silentLogger);
    const again = await createIdentitySealer(loadIdentityConfig({ DATA_DIR: dir }), silentLogger);
    expect(first.activeKeyId).toMatch(/^dev-[0-9a-f]{8}$/);
    expect(again.open(first.seal('secret'))).toBe('secret');
    const other = await createIdentitySealer(loadIdentityConfig({ DATA_DIR: `${dir}-other` }), silentLogger);
    expect(() => other.open(first.seal('secret'))).toThrow(/not configured/);
  });
});
