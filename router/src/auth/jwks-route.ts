import { JWKS_PATH } from '@gametriggers/auth';
import type express from 'express';
import type { Logger } from 'pino';

export interface JwksRouteOptions {
  /** Identity's JWKS document. */
  jwksUrl: () => string;
  logger: Logger;
  /** How long a fetched document is served before it is fetched again. Default 300 s. */
  maxAgeSeconds?: number;
}

/**
 * Serves identity's public signing keys at the router's `/.well-known/jwks.json`, so integrators
 * can verify access tokens at the one public address. Fetched at most once per `maxAgeSeconds`;
 * the last good copy is served while identity does not answer.
 */
export function serveJwks(app: express.Express, options: JwksRouteOptions): void {
  const maxAge = options.maxAgeSeconds ?? 300;
  let cached: { body: string; fetchedAt: number } | undefined;
  let fetching: Promise<string> | undefined;

  const fetchDocument = async (): Promise<string> => {
    const response = await fetch(options.jwksUrl(), { signal: AbortSignal.timeout(5000), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = await response.text();
    const document = JSON.parse(body) as { keys?: unknown };
    if (!Array.isArray(document.keys)) throw new Error('not a JWKS document');
    cached = { body, fetchedAt: Date.now() };
    return body;
  };

  app.get(JWKS_PATH, async (_req, res) => {
    if (!cached || Date.now() - cached.fetchedAt > maxAge * 1000) {
      fetching ??= fetchDocument().finally(() => (fetching = undefined));
      try {
        await fetching;
      } catch (error) {
        options.logger.warn({ reason: (error as Error).message }, "identity's JWKS could not be fetched");
        if (!cached) {
          res.status(503).json({ error: 'The signing keys are unavailable; try again shortly' });
          return;
        }
      }
    }
    res.type('application/jwk-set+json').set('cache-control', `public, max-age=${maxAge}`).send(cached!.body);
  });
}
