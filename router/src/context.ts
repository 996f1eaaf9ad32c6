import { INTERNAL_TOKEN_TTL_SECONDS } from '@gametriggers/auth';
import type { InternalAuth, Viewer } from '@gametriggers/auth';

/** What the router knows about a request, and what it tells subgraphs about it. */
export interface RouterContext {
  /** From the verified access token; ANONYMOUS without one. */
  viewer: Viewer;
  /** The client's address (see clientAddress), sent to subgraphs as x-forwarded-for. */
  clientAddress: string | undefined;
  /** Client headers passed on as they are (FORWARDED_HEADERS): never credentials. */
  headers: Record<string, string>;
  /** The viewer signed for subgraphs (VIEWER_HEADER): signed once, re-signed only when it grows old. */
  internalToken: () => Promise<string>;
}

/**
 * Request headers the router passes on to subgraphs (`user-agent`: identity records it with a
 * session). Not `authorization` (subgraphs trust only the internal viewer token) and never a
 * client's own `x-gametriggers-viewer`.
 */
export const FORWARDED_HEADERS = ['x-correlation-id', 'accept-language', 'user-agent'] as const;

export function pickForwardedHeaders(source: Record<string, unknown> | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = source?.[name] ?? source?.[name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase())];
    if (typeof value === 'string') headers[name] = value;
  }
  return headers;
}

// Half the token's life: a subscription running for hours keeps sending tokens subgraphs accept.
const RESIGN_AFTER_MS = (INTERNAL_TOKEN_TTL_SECONDS * 1000) / 2;

export function createRouterContext(
  internalAuth: InternalAuth,
  request: { viewer: Viewer; clientAddress: string | undefined; headers: Record<string, string> },
): RouterContext {
  let signed: { token: Promise<string>; at: number } | undefined;
  return {
    ...request,
    internalToken: () => {
      if (!signed || Date.now() - signed.at > RESIGN_AFTER_MS) signed = { token: internalAuth.sign(request.viewer), at: Date.now() };
      return signed.token;
    },
  };
}
