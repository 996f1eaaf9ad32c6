import { createHash } from 'node:crypto';
import { VIEWER_HEADER, createInternalAuth } from '@gametriggers/auth';
import { testInternalAuth, viewerHeaders } from '@gametriggers/testkit';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthStack } from './support/auth-stack';
import type { AuthStack } from './support/auth-stack';
import { newSigningKey } from './support/test-keys';

const WHOAMI = '{ whoami { viewer { kind accountId entityId sessionId scopes } forwardedFor authorizationForwarded userAgent } }';

let stack: AuthStack;
beforeAll(async () => {
  stack = await startAuthStack();
});
afterAll(async () => {
  await stack?.stop();
});

const whoami = async (headers: Record<string, string> = {}) => {
  const result = await stack.post(WHOAMI, headers);
  expect(result.status).toBe(200);
  expect(result.body.errors).toBeUndefined();
  return result.body.data!['whoami'];
};

const expectRefused = (result: Awaited<ReturnType<AuthStack['post']>>, bearerError = 'invalid_token') => {
  expect(result.status).toBe(401);
  expect(result.headers.get('www-authenticate')).toBe(`Bearer error="${bearerError}"`);
  expect(result.body.data).toBeUndefined();
  expect(result.body.errors).toHaveLength(1);
  expect(result.body.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
};

describe('a request without a token', () => {
  it('reaches a public field as the anonymous viewer, from its TCP address, with its user agent', async () => {
    expect(await whoami({ 'user-agent': 'dashboard/1.0' })).toEqual({
      viewer: { kind: 'ANONYMOUS', accountId: null, entityId: null, sessionId: null, scopes: [] },
      forwardedFor: '127.0.0.1',
      authorizationForwarded: false,
      userAgent: 'dashboard/1.0',
    });
  });

  it('cannot pose as anyone with its own x-gametriggers-viewer or X-Forwarded-For', async () => {
    // Even signed with the deployment's real secret, a client's viewer header is not passed on.
    const forged = await viewerHeaders({ kind: 'ADMIN', accountId: 'root', scopes: ['*'] });
    const seen = await whoami({ ...forged, 'x-forwarded-for': '203.0.113.9' });
    expect(seen.viewer.kind).toBe('ANONYMOUS');
    expect(seen.forwardedFor).toBe('127.0.0.1');
  });
});

describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
  it('takes the client address from the proxy’s X-Forwarded-For entry, not from what the client wrote', async () => {
    const proxied = await startAuthStack({ trustedProxies: 1 });
    try {
      const result = await proxied.post(WHOAMI, { 'x-forwarded-for': '6.6.6.6, 198.51.100.7' });
      expect(result.body.data!['whoami'].forwardedFor).toBe('198.51.100.7');
    } finally {
      await proxied.stop();
    }
  });
});

describe('a request with a valid access token', () => {
  it.each([
    ['BRAND', { kind: 'BRAND', sub: 'acct-b', eid: 'brand-1', sid: 'sess-b', scope: 'campaigns:write wallet:read' }],
    ['STREAMER', { kind: 'STREAMER', sub: 'acct-s', eid: 'streamer-1', sid: 'sess-s', scope: '' }],
    ['ADMIN', { kind: 'ADMIN', sub: 'acct-a', sid: 'sess-a', scope: 'kyc:review' }],
  ] as const)('%s: the subgraph sees exactly that viewer', async (_kind, claims) => {
    const seen = await whoami({ ...stack.bearer(await stack.keys.mint(claims)), [VIEWER_HEADER]: 'forged' });
    expect(seen.viewer).toEqual({
      kind: claims.kind,
      accountId: claims.sub,
      entityId: 'eid' in claims ? claims.eid : null,
      sessionId: claims.sid,
      scopes: claims.scope.split(' ').filter(Boolean),
    });
    expect(seen.authorizationForwarded).toBe(false);
  });

  it('accepts a token within the clock tolerance of its expiry', async () => {
    const token = await stack.keys.mint({ kind: 'BRAND', eid: 'b' }, { expiresIn: -2 });
    expect((await whoami(stack.bearer(token))).viewer.kind).toBe('BRAND');
  });
});

describe('a request with a bad token is refused whole: 401 UNAUTHENTICATED, WWW-Authenticate', () => {
  const brand = { kind: 'BRAND', sub: 'acct-b', eid: 'brand-1' } as const;
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const cases: [string, () => Promise<string>][] = [
    ['expired', () => stack.keys.mint(brand, { expiresIn: -60 })],
    ['not yet valid (nbf)', () => stack.keys.mint(brand, { notBefore: 120 })],
    [
      'signed by another key under a published kid',
      async () => stack.keys.mint(brand, { key: await newSigningKey('impostor'), kid: stack.keys.current().kid }),
    ],
    ['unknown kid', async () => stack.keys.mint(brand, { key: await newSigningKey('never-published') })],
    [
      'alg none',
      async () => {
        const payload = JSON.parse(Buffer.from((await stack.keys.mint(brand)).split('.')[1]!, 'base64url').toString());
        return `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode({ ...payload, kind: 'ADMIN', aud: 'gametriggers:admin' })}.`;
      },
    ],
    [
      'HS256 keyed with the public key (algorithm confusion)',
      async () => {
        const { publicJwk } = stack.keys.current();
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({ kind: 'ADMIN', sid: 's', scope: '' })
          .setProtectedHeader({ alg: 'HS256', kid: publicJwk.kid!, typ: 'at+jwt' })
          .setIssuer('https://gametriggers.local/identity')
          .setAudience('gametriggers:admin')
          .setSubject('acct-x')
          .setIssuedAt(now)
          .setExpirationTime(now + 600)
          .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
      },
    ],
    ['another audience', () => stack.keys.mint(brand, { aud: 'gametriggers:partner' })],
    ['two audiences', () => stack.keys.mint(brand, { aud: ['gametriggers:brand', 'gametriggers:admin'] })],
    ['an audience that does not match its kind', () => stack.keys.mint(brand, { aud: 'gametriggers:admin' })],
    ['a kind that does not match its audience', () => stack.keys.mint(brand, { extra: { kind: 'ADMIN' } })],
    ['another issuer', () => stack.keys.mint(brand, { iss: 'https://evil.example/identity' })],
    ['typ JWT instead of at+jwt', () => stack.keys.mint(brand, { typ: 'JWT' })],
    ['no session id', () => stack.keys.mint(brand, { extra: { sid: undefined } })],
    ['a truncated token', async () => (await stack.keys.mint(brand)).slice(0, -10)],
  ];
  it.each(cases)('%s', async (_name, token) => {
    const result = await stack.post(WHOAMI, stack.bearer(await token()));
    expectRefused(result);
    expect(result.body.errors![0]!.message).toBe('The access token is invalid or has expired');
  });

  it('an Authorization header that is not a bearer token', async () => {
    expectRefused(await stack.post(WHOAMI, { authorization: 'Basic YWRtaW46YWRtaW4=' }), 'invalid_request');
    expectRefused(await stack.post(WHOAMI, { authorization: 'Bearer' }), 'invalid_request');
  });

  it('counted in the router metrics', async () => {
    const metrics = await (await fetch(stack.router.url.replace('/graphql', '/metrics'))).text();
    expect(metrics).toMatch(/^gametriggers_router_access_token_refusals_total\{transport="http",status="401"\} ([1-9]\d*)$/m);
  });
});

describe('key rotation and the JWKS', () => {
  it('fetches the keys once, then verifies from the cache', async () => {
    const before = stack.keys.fetches();
    for (let i = 0; i < 5; i += 1) await whoami(stack.bearer(await stack.keys.mint({ kind: 'STREAMER', eid: 's' })));
    expect(stack.keys.fetches() - before).toBeLessThanOrEqual(1);
  });

  it('accepts tokens of a new key at once, and of the old key while it is still published', async () => {
    const old = stack.keys.current();
    const oldToken = await stack.keys.mint({ kind: 'BRAND', eid: 'b' });
    expect((await whoami(stack.bearer(oldToken))).viewer.kind).toBe('BRAND');
    const next = await stack.keys.rotate();
    const newToken = await stack.keys.mint({ kind: 'BRAND', eid: 'b' });
    expect(JSON.parse(Buffer.from(newToken.split('.')[0]!, 'base64url').toString()).kid).toBe(next.kid);
    expect((await whoami(stack.bearer(newToken))).viewer.kind).toBe('BRAND');
    expect((await whoami(stack.bearer(oldToken))).viewer.kind).toBe('BRAND');
    expect(old.kid).not.toBe(next.kid);
  });

  it('serves identity’s JWKS at /.well-known/jwks.json for integrators', async () => {
    const response = await fetch(stack.router.url.replace('/graphql', '/.well-known/jwks.json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/jwk-set+json');
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const { keys } = (await response.json()) as { keys: { kid: string; kty: string; d?: string }[] };
    expect(keys.map((key) => key.kid)).toContain(stack.keys.current().kid);
    expect(keys.every((key) => key.kty === 'EC' && key.d === undefined)).toBe(true);
  });
});

describe("when identity's keys cannot be fetched", () => {
  it('refuses tokens with 503 (the token may be fine), still serves anonymous requests, and says the JWKS is unavailable', async () => {
    const blind = await startAuthStack({ accessTokens: { jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json' } });
    try {
      const refused = await blind.post(WHOAMI, blind.bearer(await blind.keys.mint({ kind: 'BRAND', eid: 'b' })));
      expect(refused.status).toBe(503);
      expect(refused.headers.get('www-authenticate')).toBeNull();
      expect(refused.body.errors![0]!.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'identity' });
      expect((await blind.post(WHOAMI)).body.data!['whoami'].viewer.kind).toBe('ANONYMOUS');
      expect((await fetch(blind.router.url.replace('/graphql', '/.well-known/jwks.json'))).status).toBe(503);
    } finally {
      await blind.stop();
    }
  });
});

describe('a subgraph called directly', () => {
  it('refuses a request without, or with a forged, internal viewer token: 401 UNAUTHENTICATED', async () => {
    const other = createInternalAuth(createHash('sha256').update('another deployment').digest('base64'));
    const attempts: Record<string, string>[] = [
      {},
      { [VIEWER_HEADER]: 'not-a-token' },
      { [VIEWER_HEADER]: await other.sign({ kind: 'ADMIN', scopes: [] }) },
    ];
    for (const headers of attempts) {
      const result = await stack.post(WHOAMI, headers, stack.subgraph.url);
      expect(result.status).toBe(401);
      expect(result.body.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    }
    // A real token for clients means nothing to a subgraph.
    const result = await stack.post(WHOAMI, stack.bearer(await stack.keys.mint({ kind: 'ADMIN' })), stack.subgraph.url);
    expect(result.status).toBe(401);
  });

  it('answers the router’s token, and keeps /healthz, /readyz and /metrics open', async () => {
    const signed = await stack.post(
      WHOAMI,
      { [VIEWER_HEADER]: await testInternalAuth.sign({ kind: 'SERVICE', service: 'billing', scopes: [] }) },
      stack.subgraph.url,
    );
    expect(signed.status).toBe(200);
    expect(signed.body.data!['whoami'].viewer.kind).toBe('SERVICE');
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      expect((await fetch(stack.subgraph.url.replace('/graphql', path))).status).toBe(200);
    }
    // The router's readiness probe signs its own requests.
    expect((await fetch(stack.router.url.replace('/graphql', '/readyz'))).status).toBe(200);
  });
});
