/** Who an access token speaks for, read from its payload. */
export interface SessionClaims {
  kind: 'BRAND' | 'STREAMER' | 'ADMIN';
  accountId: string;
  /** The brand id or streamer id; absent for admins. */
  entityId: string | undefined;
  /** When the token expires (ms since the epoch). */
  expiresAt: number;
  /** When it was issued (ms since the epoch). */
  issuedAt: number;
}

const KINDS = new Set(['BRAND', 'STREAMER', 'ADMIN']);

/**
 * Reads an access token's claims WITHOUT checking its signature: the web server only uses them to
 * choose pages and to know when to refresh. The router verifies every token it is sent, so a forged
 * cookie gets a page layout and nothing else (every query is refused with 401).
 */
export function readClaims(accessToken: string | undefined): SessionClaims | undefined {
  const payload = accessToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const { kind, sub, eid, exp, iat } = claims;
    if (typeof kind !== 'string' || !KINDS.has(kind) || typeof sub !== 'string' || typeof exp !== 'number') return undefined;
    return {
      kind: kind as SessionClaims['kind'],
      accountId: sub,
      entityId: typeof eid === 'string' ? eid : undefined,
      expiresAt: exp * 1000,
      issuedAt: typeof iat === 'number' ? iat * 1000 : 0,
    };
  } catch {
    return undefined;
  }
}
