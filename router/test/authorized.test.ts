import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthStack } from './support/auth-stack';
import type { AuthStack } from './support/auth-stack';
import type { TokenClaims } from './support/test-keys';

/**
 * @Authorized and assertOwner end to end: a client token through the router, the viewer signed
 * for the subgraph, type-graphql's authChecker (federation's default) deciding there.
 */
let stack: AuthStack;
beforeAll(async () => {
  stack = await startAuthStack();
});
afterAll(async () => {
  await stack?.stop();
});

const brand: TokenClaims = { kind: 'BRAND', sub: 'acct-b', eid: 'brand-1', scope: 'wallet:read' };
const streamer: TokenClaims = { kind: 'STREAMER', sub: 'acct-s', eid: 'streamer-1' };
const admin: TokenClaims = { kind: 'ADMIN', sub: 'acct-a' };

/** One field as `as` (anonymous when undefined): its value, or its error code and message. */
async function field(name: string, as?: TokenClaims) {
  const headers = as ? stack.bearer(await stack.keys.mint(as)) : {};
  const { status, body } = await stack.post(`{ ${name} }`, headers);
  expect(status).toBe(200);
  const key = name.replace(/\(.*$/, '');
  const error = body.errors?.[0];
  return error ? { code: error.extensions?.['code'], message: error.message, value: body.data?.[key] ?? null } : { value: body.data![key] };
}

const UNAUTHENTICATED = { code: 'UNAUTHENTICATED', message: 'You must be signed in to do this', value: null };
const FORBIDDEN = { code: 'FORBIDDEN', message: 'You are not allowed to do this', value: null };

describe('@Authorized()', () => {
  it('refuses anonymous viewers with UNAUTHENTICATED and lets any signed-in viewer through', async () => {
    expect(await field('signedIn')).toEqual(UNAUTHENTICATED);
    for (const viewer of [brand, streamer, admin]) expect(await field('signedIn', viewer)).toEqual({ value: 'signed in' });
  });
});

describe('@Authorized(kinds)', () => {
  it('@Authorized("BRAND"): anonymous UNAUTHENTICATED, other kinds FORBIDDEN, brands get data', async () => {
    expect(await field('brandOnly')).toEqual(UNAUTHENTICATED);
    expect(await field('brandOnly', streamer)).toEqual(FORBIDDEN);
    expect(await field('brandOnly', admin)).toEqual(FORBIDDEN);
    expect(await field('brandOnly', brand)).toEqual({ value: 'brand' });
  });

  it('@Authorized("STREAMER", "ADMIN"): any of the kinds', async () => {
    expect(await field('streamerOrAdmin', streamer)).toEqual({ value: 'streamer or admin' });
    expect(await field('streamerOrAdmin', admin)).toEqual({ value: 'streamer or admin' });
    expect(await field('streamerOrAdmin', brand)).toEqual(FORBIDDEN);
    expect(await field('streamerOrAdmin')).toEqual(UNAUTHENTICATED);
  });

  it('an error names nothing about the rule, and other fields of the response still resolve', async () => {
    const { body } = await stack.post('{ whoami { viewer { kind } } brandOnly }', stack.bearer(await stack.keys.mint(streamer)));
    expect(body.data).toEqual({ whoami: { viewer: { kind: 'STREAMER' } }, brandOnly: null });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'You are not allowed to do this',
        path: ['brandOnly'],
        extensions: { code: 'FORBIDDEN', serviceName: 'identity' },
      }),
    ]);
    const { message, extensions } = body.errors![0]!;
    expect(`${message} ${JSON.stringify(extensions)}`).not.toMatch(/BRAND|role|stack|authChecker/i);
  });
});

describe('@Authorized("scope:…")', () => {
  it('needs the scope', async () => {
    expect(await field('walletRead', brand)).toEqual({ value: 'wallet read' });
    expect(await field('walletRead', { ...brand, scope: 'campaigns:write' })).toEqual(FORBIDDEN);
    expect(await field('walletRead', { ...admin, scope: 'wallet:read' })).toEqual({ value: 'wallet read' });
    expect(await field('walletRead')).toEqual(UNAUTHENTICATED);
  });

  it('with a kind, needs both', async () => {
    expect(await field('brandWalletWrite', { ...brand, scope: 'wallet:write' })).toEqual({ value: 'brand wallet write' });
    expect(await field('brandWalletWrite', brand)).toEqual(FORBIDDEN);
    expect(await field('brandWalletWrite', { ...streamer, scope: 'wallet:write' })).toEqual(FORBIDDEN);
  });

  it('a misspelt role is a masked server error, never a grant', async () => {
    const result = await field('misspelt', admin);
    expect(result).toEqual({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', value: null });
  });
});

describe('assertOwner', () => {
  it('lets the brand’s own account and admins through, refuses other brands, streamers and anonymous viewers', async () => {
    const profile = (brandId: string) => `brandProfile(brandId: "${brandId}")`;
    expect(await field(profile('brand-1'), brand)).toEqual({ value: 'profile of brand-1' });
    expect(await field(profile('brand-1'), admin)).toEqual({ value: 'profile of brand-1' });
    expect(await field(profile('brand-2'), brand)).toEqual(FORBIDDEN);
    // A streamer whose entity id happens to equal the brand id is still not its owner.
    expect(await field(profile('brand-1'), { ...streamer, eid: 'brand-1' })).toEqual(FORBIDDEN);
    expect(await field(profile('brand-1'))).toEqual(UNAUTHENTICATED);
  });
});
