import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { ClientHeaders } from '../graphql';
import { readClaims } from './claims';
import type { SessionClaims } from './claims';
import { ACCESS_COOKIE, REFRESH_COOKIE } from './cookies';
import { PATH_HEADER, homeOf, safeNext, signInPath } from './paths';

export interface Session {
  claims: SessionClaims;
  accessToken: string;
}

/**
 * The signed-in viewer of this request, from the access cookie (renewed by the proxy before the page
 * renders when it was close to expiry); undefined for anonymous visitors.
 */
export async function currentSession(): Promise<Session | undefined> {
  const accessToken = (await cookies()).get(ACCESS_COOKIE)?.value;
  const claims = readClaims(accessToken);
  return claims && accessToken ? { claims, accessToken } : undefined;
}

/** The path and query of the page being rendered (set by the proxy), for `next` links. */
export async function currentPath(): Promise<string> {
  return safeNext((await headers()).get(PATH_HEADER)) ?? '/';
}

/**
 * The session of a page meant for one kind of account. Anyone else goes to that kind's sign-in page
 * (and back here after it); a session whose access token is gone but which can still be refreshed
 * is refreshed first.
 */
export async function requireSession(kind: SessionClaims['kind']): Promise<Session> {
  const session = await currentSession();
  if (session?.claims.kind === kind) return session;
  const next = await currentPath();
  if (!session && (await cookies()).has(REFRESH_COOKIE)) redirect(`/session/refresh?next=${encodeURIComponent(next)}`);
  if (session) redirect(`${signInPath(kind, next)}&reason=kind`);
  redirect(signInPath(kind, next));
}

/** Sends a signed-in viewer who opens a sign-in page to their own pages. */
export async function redirectIfSignedIn(kind: SessionClaims['kind'], next: string | undefined): Promise<void> {
  const session = await currentSession();
  if (session?.claims.kind === kind) redirect(next ?? homeOf(kind));
}

/** The browser's address and user agent, passed on to the router (rate limits, session records). */
export async function clientHeaders(): Promise<ClientHeaders> {
  return clientHeadersOf(await headers());
}

export function clientHeadersOf(source: Pick<Headers, 'get'>): ClientHeaders {
  const client: ClientHeaders = {};
  const forwardedFor = source.get('x-forwarded-for');
  const userAgent = source.get('user-agent');
  if (forwardedFor) client['x-forwarded-for'] = forwardedFor;
  if (userAgent) client['user-agent'] = userAgent;
  return client;
}
