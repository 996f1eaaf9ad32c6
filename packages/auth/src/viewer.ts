/**
 * Who is asking: what the router learned from a verified access token (or its absence), handed to
 * every subgraph in an internal token. Subgraphs decide from it alone; they never see the client's
 * access token.
 */
export type ViewerKind = 'ANONYMOUS' | 'BRAND' | 'STREAMER' | 'ADMIN' | 'SERVICE';

export interface Viewer {
  kind: ViewerKind;
  /** The identity account (BRAND, STREAMER, ADMIN). */
  accountId?: string;
  /** The Brand or Streamer the account acts for (BRAND, STREAMER). */
  entityId?: string;
  /** The sign-in session the access token belongs to. */
  sessionId?: string;
  /** The calling subgraph (SERVICE). */
  service?: string;
  /** OAuth-style scopes granted to the token. */
  scopes: string[];
}

export const ANONYMOUS: Viewer = Object.freeze({ kind: 'ANONYMOUS', scopes: [] }) as Viewer;

/** What every subgraph's request context carries. */
export interface ViewerContext {
  viewer: Viewer;
}

const KINDS: readonly ViewerKind[] = ['ANONYMOUS', 'BRAND', 'STREAMER', 'ADMIN', 'SERVICE'];

/** A Viewer from untrusted JSON (a verified token's claim), or undefined when it is not one. */
export function viewerFrom(value: unknown): Viewer | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const candidate = value as Record<string, unknown>;
  if (!KINDS.includes(candidate['kind'] as ViewerKind)) return undefined;
  const scopes = candidate['scopes'];
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string')) return undefined;
  const viewer: Viewer = { kind: candidate['kind'] as ViewerKind, scopes: [...scopes] as string[] };
  for (const key of ['accountId', 'entityId', 'sessionId', 'service'] as const) {
    const field = candidate[key];
    if (field === undefined) continue;
    if (typeof field !== 'string') return undefined;
    viewer[key] = field;
  }
  return viewer;
}
