import { cookies, headers } from 'next/headers';
import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import { readClaims } from '@/lib/session/claims';
import { ACCESS_COOKIE, REFRESH_COOKIE, clearedCookies, secureCookies, sessionCookies, writeCookies } from '@/lib/session/cookies';
import { REFRESHED_HEADER, safeNext, signInPath } from '@/lib/session/paths';
import { refreshTokens } from '@/lib/session/refresh';
import { clientHeadersOf } from '@/lib/session/session';

export const dynamic = 'force-dynamic';

/**
 * A redirect to a path of this site. Relative on purpose: behind `next start` the request's URL
 * names the host Next.js listens as (e.g. localhost), not the one the browser used, whose cookies
 * these are.
 */
function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { location: path, 'cache-control': 'no-store' } });
}

/**
 * GET /session/refresh?next=/path: renews the session now and goes back to `next`; when it cannot be
 * renewed, ends it and goes to the sign-in page. Pages come here when the router refuses their access
 * token before it looks expired (e.g. identity's signing key changed).
 */
export async function GET(request: NextRequest): Promise<NextResponse> {
  const next = safeNext(request.nextUrl.searchParams.get('next')) ?? '/';
  const store = await cookies();
  const requestHeaders = await headers();
  const secure = secureCookies(requestHeaders);
  const kind = readClaims(store.get(ACCESS_COOKIE)?.value)?.kind;
  const signIn = kind ? `${signInPath(kind, next)}&reason=expired` : `/sign-in?next=${encodeURIComponent(next)}`;
  // The proxy renewed (or ended) the session for this very request: its cookies are on the way,
  // and exchanging the new refresh token again here would race them in the browser.
  if (requestHeaders.get(REFRESHED_HEADER)) return seeOther(store.get(ACCESS_COOKIE) ? next : signIn);
  const refreshToken = store.get(REFRESH_COOKIE)?.value;
  if (!refreshToken) return seeOther(signIn);
  let outcome;
  try {
    outcome = await refreshTokens(refreshToken, clientHeadersOf(requestHeaders));
  } catch (error) {
    console.warn('session refresh failed', error);
    return new NextResponse('Your session could not be renewed right now. Try again in a moment.', {
      status: 503,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '5' },
    });
  }
  if (outcome === 'invalid') {
    writeCookies(store, clearedCookies(secure));
    return seeOther(signIn);
  }
  writeCookies(store, sessionCookies(outcome.tokens, secure));
  return seeOther(next);
}
