import type { SessionClaims } from './claims';

/** Set by the proxy on every request: the path and query being rendered (server components have no URL). */
export const PATH_HEADER = 'x-gametriggers-path';

/** Set by the proxy when it has just renewed this request's session (a client's own value is dropped). */
export const REFRESHED_HEADER = 'x-gametriggers-session-renewed';

export type AccountKind = SessionClaims['kind'];

const SEGMENT: Record<AccountKind, string> = { BRAND: 'brand', STREAMER: 'streamer', ADMIN: 'admin' };

/** Where each kind of account works: /brand, /streamer, /admin. */
export function homeOf(kind: AccountKind): string {
  return `/${SEGMENT[kind]}`;
}

export function signInPath(kind: AccountKind, next?: string): string {
  return next ? `/${SEGMENT[kind]}/sign-in?next=${encodeURIComponent(next)}` : `/${SEGMENT[kind]}/sign-in`;
}

/** A `next` parameter if it is a path of this site (never another origin: no open redirect). */
export function safeNext(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  // No control characters (header injection, browsers dropping them to turn /\t/x into //x).
  if ([...next].some((character) => character.charCodeAt(0) < 0x20)) return undefined;
  return next;
}

export const KIND_LABEL: Record<AccountKind, string> = { BRAND: 'Brand', STREAMER: 'Streamer', ADMIN: 'Admin' };
