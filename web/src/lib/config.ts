// The web server's settings, read from the environment at request time (not frozen into the build by
// `next build`), so one build runs against any router. Documented in docs/web.md.

function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

/** GAMETRIGGERS_GRAPHQL_URL: the router's HTTP endpoint, as seen from the Next.js server. */
export function graphqlUrl(): string {
  return env('GAMETRIGGERS_GRAPHQL_URL') ?? 'http://127.0.0.1:4000/graphql';
}

/**
 * GAMETRIGGERS_WS_URL: the router's graphql-ws endpoint, as seen from the browser. Default: the HTTP
 * URL's own path over ws(s), where the router also serves graphql-ws.
 */
export function graphqlWsUrl(): string {
  return env('GAMETRIGGERS_WS_URL') ?? graphqlUrl().replace(/^http/, 'ws');
}

/**
 * SESSION_COOKIE_SECURE: `true` or `false` forces the Secure attribute of the session cookies;
 * unset (`auto`), it is set when the request came over https (`x-forwarded-proto`).
 */
export function cookieSecureSetting(): boolean | 'auto' {
  const value = env('SESSION_COOKIE_SECURE')?.toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return 'auto';
}

/**
 * SESSION_REFRESH_MARGIN_SECONDS: an access token with less than this left is renewed before the
 * page is rendered (default 60, at most 900: access tokens live 15 minutes).
 */
export function refreshMarginMs(): number {
  const seconds = Number(env('SESSION_REFRESH_MARGIN_SECONDS') ?? '60');
  return (Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0), 900) : 60) * 1000;
}
