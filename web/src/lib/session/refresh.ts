import { createHash } from 'node:crypto';
import { RefreshSessionDocument } from '@/gql/graphql';
import { callRouter, findError } from '../graphql';
import type { ClientHeaders } from '../graphql';
import type { TokenPair } from './cookies';

/** 'invalid': identity refused the refresh token (spent, expired, revoked): the user signs in again. */
export type RefreshOutcome = { tokens: TokenPair } | 'invalid';

// Identity lets a spent refresh token be exchanged again only a couple of times within 10 s, and
// treats more as theft (the whole session ends). A page's parallel requests (documents, RSC
// fetches, prefetches) all carry the old cookie until the first answer lands, so this process
// exchanges each refresh token once and hands the same new pair to every request that shows it
// within that window. Keyed by the token's hash: the tokens themselves are not kept in memory longer.
const SHARE_MS = 8_000;
const recent = new Map<string, { at: number; outcome: Promise<RefreshOutcome> }>();

function forget(now: number): void {
  for (const [key, entry] of recent) if (now - entry.at > SHARE_MS) recent.delete(key);
}

async function exchange(refreshToken: string, client: ClientHeaders | undefined): Promise<RefreshOutcome> {
  const result = await callRouter(RefreshSessionDocument, { refreshToken }, { client });
  if (result.data?.refreshSession) return { tokens: result.data.refreshSession };
  if (findError(result.errors, 'UNAUTHENTICATED')) return 'invalid';
  throw new Error(`refreshSession failed: ${result.errors.map((error) => error.message).join('; ') || `HTTP ${result.status}`}`);
}

/**
 * Exchanges a refresh token for a new pair (rotation: the caller must store the new refresh token).
 * Throws when identity could not answer (the session may still be fine: keep the cookies).
 */
export function refreshTokens(refreshToken: string, client?: ClientHeaders): Promise<RefreshOutcome> {
  const now = Date.now();
  forget(now);
  const key = createHash('sha256').update(refreshToken).digest('base64url');
  const shared = recent.get(key);
  if (shared) return shared.outcome;
  const outcome = exchange(refreshToken, client);
  recent.set(key, { at: now, outcome });
  // A failure to reach identity is not worth sharing: the next request tries again.
  outcome.catch(() => recent.delete(key));
  return outcome;
}
