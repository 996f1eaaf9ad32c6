/** What the router knows about a request: the headers it forwards to subgraphs. */
export interface RouterContext {
  headers: Record<string, string>;
}

/** Request headers the router passes on to subgraphs. */
export const FORWARDED_HEADERS = ['authorization', 'x-correlation-id', 'accept-language'] as const;

export function pickForwardedHeaders(source: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = source?.[name] ?? source?.[name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}
