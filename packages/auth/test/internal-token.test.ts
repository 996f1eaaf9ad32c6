import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createInternalAuth, viewerFrom } from '../src';
import type { Viewer } from '../src';

const secret = 'a-test-secret-that-is-long-enough-0123456789';
const auth = createInternalAuth(secret);
const brand: Viewer = { kind: 'BRAND', accountId: 'a1', entityId: 'b1', sessionId: 's1', scopes: ['campaigns:write'] };

describe('internal viewer token', () => {
  it('carries the viewer from signer to verifier', async () => {
    await expect(auth.verify(await auth.sign(brand))).resolves.toEqual(brand);
  });

  it('refuses a missing token, another secret, an expired token and alg none', async () => {
    await expect(auth.verify(undefined)).rejects.toThrow(/missing/);
    const other = createInternalAuth(`${secret}-but-another-one`);
    await expect(auth.verify(await other.sign(brand))).rejects.toThrow(/signature/);
    const key = new TextEncoder().encode(secret);
    const expired = await new SignJWT({ viewer: brand })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('gametriggers-internal')
      .setAudience('gametriggers-subgraph')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 300)
      .sign(key);
    await expect(auth.verify(expired)).rejects.toThrow(/exp/);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(
      JSON.stringify({ viewer: { kind: 'ADMIN', scopes: [] }, iss: 'gametriggers-internal', aud: 'gametriggers-subgraph' }),
    ).toString('base64url')}.`;
    await expect(auth.verify(unsigned)).rejects.toThrow(/invalid/);
  });

  it('refuses a short secret', () => {
    expect(() => createInternalAuth('short')).toThrow(/32 bytes/);
  });

  it('accepts only well-formed viewers', () => {
    expect(viewerFrom({ kind: 'STREAMER', scopes: [], entityId: 's' })).toEqual({ kind: 'STREAMER', scopes: [], entityId: 's' });
    expect(viewerFrom({ kind: 'ROOT', scopes: [] })).toBeUndefined();
    expect(viewerFrom({ kind: 'ADMIN' })).toBeUndefined();
    expect(viewerFrom({ kind: 'ADMIN', scopes: [], accountId: 7 })).toBeUndefined();
  });

  it('during a rotation, also accepts tokens of the previous secret, and signs with the new one', async () => {
    const previous = createInternalAuth(secret);
    const next = `${secret}-rotated-in-2026`;
    const rotating = createInternalAuth(next, secret);
    await expect(rotating.verify(await previous.sign(brand))).resolves.toEqual(brand);
    await expect(createInternalAuth(next).verify(await rotating.sign(brand))).resolves.toEqual(brand);
    await expect(rotating.verify(await createInternalAuth(`${secret}-someone-else`).sign(brand))).rejects.toThrow(/signature/);
    expect(() => createInternalAuth(next, 'short')).toThrow(/INTERNAL_AUTH_PREVIOUS_SECRET must be at least 32 bytes/);
  });
});
