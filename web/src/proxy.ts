import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import { refreshMarginMs } from './lib/config';
import { readClaims } from './lib/session/claims';
import { ACCESS_COOKIE, REFRESH_COOKIE, clearedCookies, secureCookies, sessionCookies } from './lib/session/cookies';
import type { SessionCookie } from './lib/session/cookies';
import { PATH_HEADER, REFRESHED_HEADER } from './lib/session/paths';
import { refreshTokens } from './lib/session/refresh';
import { clientHeadersOf } from './lib/session/session';

/**
 * Before any page, route handler or server action runs: renews the session when its access token is
 * gone or about to expire (server components cannot set cookies), so they see a usable token and the
 * browser gets the rotated pair; tells them the path being rendered.
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const refreshToken = request.cookies.get(REFRESH_COOKIE)?.value;
  const claims = readClaims(request.cookies.get(ACCESS_COOKIE)?.value);
  let cookies: SessionCookie[] = [];
  if (refreshToken && (!claims || claims.expiresAt - Date.now() < refreshMarginMs())) {
    const secure = secureCookies(request.headers);
    try {
      const outcome = await refreshTokens(refreshToken, clientHeadersOf(request.headers));
      cookies = outcome === 'invalid' ? clearedCookies(secure) : sessionCookies(outcome.tokens, secure);
    } catch (error) {
      // Identity or the router is unreachable: leave the session as it is; pages report the outage.
      console.warn('session refresh failed', error);
    }
  }
  // What this request's server components read: the new cookies, or none once the session ended.
  for (const cookie of cookies) {
    if (cookie.value) request.cookies.set(cookie.name, cookie.value);
    else request.cookies.delete(cookie.name);
  }
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  headers.delete(REFRESHED_HEADER);
  if (cookies.length > 0) headers.set(REFRESHED_HEADER, '1');
  const response = NextResponse.next({ request: { headers } });
  for (const cookie of cookies) response.cookies.set(cookie);
  return response;
}

export const config = {
  // Not for the build's static files and the icon: no session there.
  matcher: ['/((?!_next/static|_next/image|icon.svg|favicon.ico).*)'],
};
