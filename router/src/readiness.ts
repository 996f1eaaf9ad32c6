import { ANONYMOUS, VIEWER_HEADER } from '@gametriggers/auth';
import type { InternalAuth } from '@gametriggers/auth';

/**
 * Asks every subgraph a trivial query as an anonymous viewer (so the router's own secret is
 * checked too); any Federation subgraph answers `{ __typename }`.
 */
export async function checkSubgraphs(
  urls: Record<string, string>,
  internalAuth: InternalAuth,
  timeoutMs = 2000,
): Promise<Record<string, string>> {
  const viewerToken = await internalAuth.sign(ANONYMOUS);
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]): Promise<[string, string]> => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [VIEWER_HEADER]: viewerToken },
          body: JSON.stringify({ query: '{ __typename }' }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        return [name, response.ok ? 'ok' : `HTTP ${response.status}`];
      } catch (error) {
        return [name, (error as Error).message];
      }
    }),
  );
  return Object.fromEntries(entries);
}
