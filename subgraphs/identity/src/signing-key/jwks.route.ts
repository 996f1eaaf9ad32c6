import { JWKS_PATH } from '@gametriggers/auth';
import type { Logger } from '@gametriggers/federation';
import type express from 'express';
import type { SigningKeys } from './signing-keys';

/**
 * Verifiers cache the document for up to this long. Short, because a rotation publishes the new
 * key at once and verifiers refetch on an unknown kid (the router at most every 30 s): a shared
 * cache in between must not hide it for long. Passive keys stay published far longer than this.
 */
export const JWKS_MAX_AGE_SECONDS = 60;

/** GET /.well-known/jwks.json: the public keys of ACTIVE and PASSIVE signing keys (RFC 7517). */
export function serveJwks(app: express.Express, signingKeys: SigningKeys, logger: Logger): void {
  app.get(JWKS_PATH, async (_req, res) => {
    try {
      const keys = await signingKeys.publicKeys();
      res
        .type('application/jwk-set+json')
        .set('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}, stale-if-error=3600`)
        .send(JSON.stringify({ keys }));
    } catch (error) {
      logger.error({ err: error }, 'the JWKS could not be read');
      res.status(503).set('cache-control', 'no-store').json({ error: 'The signing keys are unavailable; try again shortly' });
    }
  });
}
