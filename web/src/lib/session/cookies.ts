import { cookieSecureSetting } from '../config';

/** The access token (a JWT): sent to the router as `Authorization: Bearer`. Expires with the token. */
export const ACCESS_COOKIE = 'gt_access';
/** The refresh token: only ever read by this server, exchanged with refreshSession. */
export const REFRESH_COOKIE = 'gt_refresh';

/** The tokens of a session as identity returns them (AuthPayload). */
export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface SessionCookie {
  name: string;
  value: string;
  httpOnly: true;
  secure: boolean;
  sameSite: 'lax';
  path: '/';
  expires: Date;
}

/** What both next/headers' cookies() (in actions and route handlers) and NextResponse.cookies offer. */
export interface CookieWriter {
  set(cookie: SessionCookie): unknown;
}

/** Whether cookies set in answer to a request with these headers get the Secure attribute. */
export function secureCookies(headers: Pick<Headers, 'get'>): boolean {
  const setting = cookieSecureSetting();
  if (setting !== 'auto') return setting;
  return (headers.get('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https';
}

function cookie(name: string, value: string, expires: Date, secure: boolean): SessionCookie {
  // httpOnly: scripts never read them. SameSite=Lax: not sent with cross-site POSTs or subresources.
  return { name, value, httpOnly: true, secure, sameSite: 'lax', path: '/', expires };
}

export function sessionCookies(tokens: TokenPair, secure: boolean): SessionCookie[] {
  return [
    cookie(ACCESS_COOKIE, tokens.accessToken, new Date(tokens.accessTokenExpiresAt), secure),
    cookie(REFRESH_COOKIE, tokens.refreshToken, new Date(tokens.refreshTokenExpiresAt), secure),
  ];
}

/** Cookies that delete the session's (expired, empty). */
export function clearedCookies(secure: boolean): SessionCookie[] {
  return [ACCESS_COOKIE, REFRESH_COOKIE].map((name) => cookie(name, '', new Date(0), secure));
}

export function writeCookies(store: CookieWriter, cookies: SessionCookie[]): void {
  for (const item of cookies) store.set(item);
}
