// How server components react to the graph's access errors (web/src/lib/query.ts), against a stub
// router on port 0 and stand-ins for next/headers and next/navigation.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const request = { headers: new Headers(), cookies: new Map<string, string>() };
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { value: request.cookies.get(name) } : undefined),
    has: (name: string) => request.cookies.has(name),
  }),
}));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
}));
class Redirect extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

const { query } = await import('../src/lib/query');

/** What the stub router answers next, and what it was sent. */
let answer: { status: number; body: unknown } = { status: 200, body: {} };
let sent: { headers: Record<string, string | string[] | undefined>; body: string } | undefined;
const router = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    sent = { headers: req.headers, body };
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
  });
});

const document = parse('query Probe { probe }') as TypedDocumentNode<{ probe: string | null }, Record<string, never>>;
const jwt = (claims: Record<string, unknown>) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
const now = Math.floor(Date.now() / 1000);
const session = (issuedSecondsAgo: number) => {
  const accessToken = jwt({ kind: 'BRAND', sub: 'a1', eid: 'b1', iat: now - issuedSecondsAgo, exp: now + 600 });
  return {
    accessToken,
    claims: {
      kind: 'BRAND' as const,
      accountId: 'a1',
      entityId: 'b1',
      issuedAt: (now - issuedSecondsAgo) * 1000,
      expiresAt: (now + 600) * 1000,
    },
  };
};
const graphError = (code: string, message = `${code} message`) => ({ message, extensions: { code } });

async function redirected(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Redirect)) throw new Error(`expected a redirect, got ${String(error)}`);
  return error.url;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => router.listen(0, '127.0.0.1', resolve));
  process.env['GAMETRIGGERS_GRAPHQL_URL'] = `http://127.0.0.1:${(router.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  delete process.env['GAMETRIGGERS_GRAPHQL_URL'];
  await new Promise((resolve) => router.close(resolve));
});
beforeEach(() => {
  request.headers = new Headers({ 'x-gametriggers-path': '/brand?tab=1', 'x-forwarded-for': '203.0.113.9', 'user-agent': 'probe/1' });
  sent = undefined;
});

describe('query', () => {
  it('sends the session as a Bearer token, with the browser address and user agent', async () => {
    answer = { status: 200, body: { data: { probe: 'yes' } } };
    const signedIn = session(10);
    expect(await query(signedIn, document, {})).toEqual({ ok: true, data: { probe: 'yes' }, errors: [] });
    expect(sent!.headers).toMatchObject({
      authorization: `Bearer ${signedIn.accessToken}`,
      'x-forwarded-for': '203.0.113.9',
      'user-agent': 'probe/1',
    });
    await query(undefined, document, {});
    expect(sent!.headers['authorization']).toBeUndefined();
  });

  it('renews the session when the router refuses a token that is not brand new, and signs in again when it is', async () => {
    answer = { status: 401, body: { errors: [graphError('UNAUTHENTICATED', 'The access token is invalid or has expired')] } };
    expect(await redirected(query(session(600), document, {}))).toBe('/session/refresh?next=%2Fbrand%3Ftab%3D1');
    expect(await redirected(query(session(5), document, {}))).toBe('/brand/sign-in?next=%2Fbrand%3Ftab%3D1&reason=expired');
  });

  it('sends UNAUTHENTICATED to sign-in (of the page, else the session, else the chooser) except on public pages', async () => {
    answer = { status: 200, body: { data: { probe: null }, errors: [graphError('UNAUTHENTICATED')] } };
    expect(await redirected(query(undefined, document, {}, { signInAs: 'STREAMER' }))).toBe('/streamer/sign-in?next=%2Fbrand%3Ftab%3D1');
    expect(await redirected(query(session(10), document, {}))).toBe('/brand/sign-in?next=%2Fbrand%3Ftab%3D1');
    expect(await redirected(query(undefined, document, {}))).toBe('/sign-in?next=%2Fbrand%3Ftab%3D1');
    expect(await query(undefined, document, {}, { publicPage: true })).toEqual({ ok: false, forbidden: 'UNAUTHENTICATED message' });
  });

  it('turns FORBIDDEN into a message for the page', async () => {
    answer = { status: 200, body: { data: { probe: null }, errors: [graphError('FORBIDDEN', 'You are not allowed to do this')] } };
    expect(await query(session(10), document, {})).toEqual({ ok: false, forbidden: 'You are not allowed to do this' });
  });

  it('returns data with other errors beside it, and throws without data', async () => {
    answer = { status: 200, body: { data: { probe: null }, errors: [graphError('NOT_FOUND')] } };
    expect(await query(undefined, document, {})).toMatchObject({ ok: true, data: { probe: null } });
    answer = { status: 200, body: { errors: [graphError('INTERNAL_SERVER_ERROR', 'boom')] } };
    await expect(query(undefined, document, {})).rejects.toThrow('boom');
  });
});
