/** Asks every subgraph a trivial query; any Federation subgraph answers `{ __typename }`. */
export async function checkSubgraphs(urls: Record<string, string>, timeoutMs = 2000): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]): Promise<[string, string]> => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
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
