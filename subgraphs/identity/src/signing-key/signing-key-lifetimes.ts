import { ACCESS_TOKEN_TTL_SECONDS } from '@gametriggers/auth';

/** How long a process keeps using the active key it loaded before asking the database again. */
export const ACTIVE_KEY_CACHE_MS = 30_000;

/** Clock skew allowed between identity and verifiers (the router's verifier allows 5 s). */
const CLOCK_LEEWAY_SECONDS = 60;

/**
 * How long a PASSIVE key stays in the JWKS after it stopped signing: the access token lifetime,
 * plus the time another process may still sign with it from its cache, plus clock leeway. After
 * that no valid token can name it, and it is RETIRED.
 */
export const PASSIVE_KEY_RETENTION_SECONDS = ACCESS_TOKEN_TTL_SECONDS + ACTIVE_KEY_CACHE_MS / 1000 + CLOCK_LEEWAY_SECONDS;
