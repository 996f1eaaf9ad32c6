import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import type { NextRequest } from 'next/server';
import { readClaims } from '@/lib/session/claims';
import { ACCESS_COOKIE } from '@/lib/session/cookies';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/**
 * GET /session/token: the current access token, for this site's own scripts to open the router's
 * graphql-ws connection (`connectionParams.authorization`). The proxy has renewed it first when it
 * was about to expire. Never the refresh token. Only for same-origin fetches: no CORS headers, and
 * a browser that says the request is cross-site is refused.
 */
export async function GET(request: NextRequest): Promise<NextResponse> {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return NextResponse.json({ error: 'same-origin requests only' }, { status: 403, headers: noStore });
  const accessToken = (await cookies()).get(ACCESS_COOKIE)?.value;
  const claims = readClaims(accessToken);
  if (!accessToken || !claims) return NextResponse.json({ signedIn: false }, { status: 401, headers: noStore });
  return NextResponse.json(
    { signedIn: true, accessToken, expiresAt: new Date(claims.expiresAt).toISOString(), kind: claims.kind },
    { headers: noStore },
  );
}
