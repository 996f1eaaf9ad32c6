import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidAccessTokenError, KeySetUnavailableError, bearerToken, createAccessTokenVerifier } from '../src';

interface Key {
  privateKey: CryptoKey;
  jwk: JWK;
}
const newKey = async (kid: string): Promise<Key> => {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' } };
};
const mint = (key: Key) =>
  new SignJWT({ kind: 'STREAMER', eid: 'streamer-1', sid: 'session-1', scope: 'streamer:read  streamer:write' })
    .setProtectedHeader({ alg: 'ES256', kid: key.jwk.kid!, typ: 'at+jwt' })
    .setIssuer('https://gametriggers.local/identity')
    .setAudience('gametriggers:streamer')
    .setSubject('account-1')
    .setIssuedAt()
    .setExpirationTime('15m')
    .sign(key.privateKey);

let published: Key[] = [];
let server: http.Server;
let jwksUrl: string;
beforeAll(async () => {
  server = http.createServer((_req, res) =>
    res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: published.map((key) => key.jwk) })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('createAccessTokenVerifier', () => {
  it('maps the claims to a viewer and returns the expiry', async () => {
    const key = await newKey('k1');
    published = [key];
    const { viewer, expiresAt } = await createAccessTokenVerifier({ jwksUrl }).verify(await mint(key));
    expect(viewer).toEqual({
      kind: 'STREAMER',
      accountId: 'account-1',
      entityId: 'streamer-1',
      sessionId: 'session-1',
      scopes: ['streamer:read', 'streamer:write'],
    });
    expect(expiresAt).toBeGreaterThan(Date.now() / 1000 + 800);
  });

  it('refuses a retired key once its cached copy of the JWKS is refreshed', async () => {
    const [old, next] = [await newKey('old'), await newKey('new')];
    published = [next, old];
    const verifier = createAccessTokenVerifier({ jwksUrl, jwksCacheMaxAgeMs: 50 });
    const token = await mint(old);
    await expect(verifier.verify(token)).resolves.toBeDefined();
    published = [next];
    await new Promise((resolve) => setTimeout(resolve, 80));
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidAccessTokenError);
    await expect(verifier.verify(await mint(next))).resolves.toBeDefined();
  });

  it('tells an unreachable JWKS apart from a bad token', async () => {
    const key = await newKey('k2');
    const verifier = createAccessTokenVerifier({ jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json', jwksTimeoutMs: 500 });
    await expect(verifier.verify(await mint(key))).rejects.toBeInstanceOf(KeySetUnavailableError);
    await expect(createAccessTokenVerifier({ jwksUrl }).verify('not.a.token')).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });
});

describe('bearerToken', () => {
  it('reads "Bearer <token>" (any case), undefined without a header, and refuses anything else', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer abc.def-_.ghi')).toBe('abc.def-_.ghi');
    for (const header of ['', 'Bearer', 'Bearer ', 'Basic abc', 'Bearer a b', 'abc.def.ghi']) {
      expect(() => bearerToken(header), header).toThrow(InvalidAccessTokenError);
    }
  });
});
