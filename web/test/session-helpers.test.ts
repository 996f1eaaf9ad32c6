// Unit tests of the web server's session helpers (no stack, no browser).
import { afterEach, describe, expect, it } from 'vitest';
import { sumMoney } from '../src/lib/format';
import { readClaims } from '../src/lib/session/claims';
import { clearedCookies, secureCookies, sessionCookies } from '../src/lib/session/cookies';
import { safeNext, signInPath } from '../src/lib/session/paths';

const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

describe('safeNext', () => {
  it('keeps paths of this site', () => {
    expect(safeNext('/brand')).toBe('/brand');
    expect(safeNext('/campaigns/1?tab=x')).toBe('/campaigns/1?tab=x');
  });

  it('refuses anything that could leave the site', () => {
    for (const next of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'evil',
      '',
      '/\t/evil.example',
      '/\n',
      null,
      undefined,
    ]) {
      expect(safeNext(next), String(next)).toBeUndefined();
    }
  });

  it('builds sign-in links with the way back', () => {
    expect(signInPath('STREAMER')).toBe('/streamer/sign-in');
    expect(signInPath('BRAND', '/campaigns/1?a=b')).toBe('/brand/sign-in?next=%2Fcampaigns%2F1%3Fa%3Db');
  });
});

describe('readClaims', () => {
  it('reads kind, account, entity and times of an access token', () => {
    expect(readClaims(jwt({ kind: 'BRAND', sub: 'a1', eid: 'b1', exp: 1_800_000_000, iat: 1_799_999_100 }))).toEqual({
      kind: 'BRAND',
      accountId: 'a1',
      entityId: 'b1',
      expiresAt: 1_800_000_000_000,
      issuedAt: 1_799_999_100_000,
    });
    expect(readClaims(jwt({ kind: 'ADMIN', sub: 'a2', exp: 1 }))?.entityId).toBeUndefined();
  });

  it('gives nothing for what is not an access token', () => {
    for (const token of [
      undefined,
      '',
      'abc',
      'a.b.c',
      jwt({ kind: 'ROOT', sub: 'a', exp: 1 }),
      jwt({ kind: 'BRAND', exp: 1 }),
      jwt({ kind: 'BRAND', sub: 'a' }),
    ]) {
      expect(readClaims(token), String(token)).toBeUndefined();
    }
  });
});

describe('session cookies', () => {
  afterEach(() => {
    delete process.env['SESSION_COOKIE_SECURE'];
  });

  const tokens = {
    accessToken: 'at',
    accessTokenExpiresAt: '2026-11-24T15:00:00.000Z',
    refreshToken: 'rt',
    refreshTokenExpiresAt: '2026-12-01T15:00:00.000Z',
  };

  it('are httpOnly, SameSite=Lax, site-wide, and expire with their tokens', () => {
    expect(sessionCookies(tokens, true)).toEqual([
      {
        name: 'gt_access',
        value: 'at',
        httpOnly: true,
        secure: true,
        sameSite: 'lax',
        path: '/',
        expires: new Date(tokens.accessTokenExpiresAt),
      },
      {
        name: 'gt_refresh',
        value: 'rt',
        httpOnly: true,
        secure: true,
        sameSite: 'lax',
        path: '/',
        expires: new Date(tokens.refreshTokenExpiresAt),
      },
    ]);
    expect(clearedCookies(false).map((cookie) => [cookie.name, cookie.value, cookie.expires.getTime()])).toEqual([
      ['gt_access', '', 0],
      ['gt_refresh', '', 0],
    ]);
  });

  it('are Secure over https, or as configured', () => {
    expect(secureCookies(new Headers({ 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(secureCookies(new Headers({ 'x-forwarded-proto': 'http' }))).toBe(false);
    expect(secureCookies(new Headers())).toBe(false);
    process.env['SESSION_COOKIE_SECURE'] = 'true';
    expect(secureCookies(new Headers({ 'x-forwarded-proto': 'http' }))).toBe(true);
    process.env['SESSION_COOKIE_SECURE'] = 'false';
    expect(secureCookies(new Headers({ 'x-forwarded-proto': 'https' }))).toBe(false);
  });
});

describe('sumMoney', () => {
  it('sums exactly per currency', () => {
    expect(
      sumMoney([
        { amount: '0.10', currency: 'USD' },
        { amount: '0.20', currency: 'USD' },
        { amount: '1250', currency: 'JPY' },
        { amount: '-0.05', currency: 'USD' },
        { amount: '0.5', currency: 'EUR' },
      ]),
    ).toEqual([
      { amount: '0.5', currency: 'EUR' },
      { amount: '1250', currency: 'JPY' },
      { amount: '0.25', currency: 'USD' },
    ]);
    expect(sumMoney([{ amount: '-1.50', currency: 'USD' }])).toEqual([{ amount: '-1.50', currency: 'USD' }]);
  });
});
