import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCES, ACCESS_TOKEN_TYPE, DEFAULT_ISSUER } from './access-token';
import type { AccountKindClaim } from './access-token';
import type { Viewer } from './viewer';

export interface AccessTokenVerifierOptions {
  /** Identity's JWKS document (`JWKS_PATH` on identity, or the router's proxy of it). */
  jwksUrl: string | (() => string);
  /** Expected `iss`. Default DEFAULT_ISSUER. */
  issuer?: string;
  /** Leeway for `exp`/`nbf`/`iat` between machines' clocks, in seconds. Default 5. */
  clockToleranceSeconds?: number;
  /** How long fetched keys are trusted before the JWKS is fetched again. Default 10 minutes. */
  jwksCacheMaxAgeMs?: number;
  /** A token with an unknown `kid` refetches the JWKS at most this often. Default 30 s. */
  jwksCooldownMs?: number;
  /** Give up on a JWKS fetch after this long. Default 5 s. */
  jwksTimeoutMs?: number;
}

export interface VerifiedAccessToken {
  viewer: Viewer;
  /** `exp`, in seconds since the epoch: when a connection authenticated with it must end. */
  expiresAt: number;
}

export interface AccessTokenVerifier {
  /** The viewer of a valid access token; throws InvalidAccessTokenError for any other token. */
  verify: (token: string) => Promise<VerifiedAccessToken>;
}

/** Why a token was refused, for the logs; clients only learn that it was refused. */
export class InvalidAccessTokenError extends Error {
  override readonly name = 'InvalidAccessTokenError';
}

/** The JWKS could not be fetched: the token may be fine, identity is not answering. */
export class KeySetUnavailableError extends Error {
  override readonly name = 'KeySetUnavailableError';
}

/** What a bad token (rather than an unreachable JWKS) makes jose throw. */
const TOKEN_ERRORS = [
  errors.JWTClaimValidationFailed,
  errors.JWTExpired,
  errors.JWTInvalid,
  errors.JWSInvalid,
  errors.JWSSignatureVerificationFailed,
  errors.JOSEAlgNotAllowed,
  errors.JOSENotSupported,
  errors.JWKSNoMatchingKey,
  errors.JWKSMultipleMatchingKeys,
  errors.JWKInvalid,
];

const KIND_OF_AUDIENCE = new Map<string, AccountKindClaim>(
  Object.entries(ACCESS_TOKEN_AUDIENCES).map(([kind, audience]) => [audience, kind as AccountKindClaim]),
);

/** The kind a token may claim: exactly one of our audiences, and it must be the audience of that kind. */
function kindOf(payload: JWTPayload): AccountKindClaim {
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (audiences.length !== 1) throw new InvalidAccessTokenError('aud must name exactly one audience');
  const kind = KIND_OF_AUDIENCE.get(audiences[0] ?? '');
  if (!kind) throw new InvalidAccessTokenError('unexpected aud');
  if (payload['kind'] !== kind) throw new InvalidAccessTokenError('kind does not match aud');
  return kind;
}

const optionalString = (payload: JWTPayload, claim: string): string | undefined => {
  const value = payload[claim];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value) throw new InvalidAccessTokenError(`${claim} must be a string`);
  return value;
};

/** The Viewer of a verified token's claims (see AccessTokenClaims). */
export function viewerFromAccessToken(payload: JWTPayload): Viewer {
  const kind = kindOf(payload);
  const accountId = optionalString(payload, 'sub');
  const sessionId = optionalString(payload, 'sid');
  if (!accountId) throw new InvalidAccessTokenError('sub is required');
  if (!sessionId) throw new InvalidAccessTokenError('sid is required');
  const scope = payload['scope'] ?? '';
  if (typeof scope !== 'string') throw new InvalidAccessTokenError('scope must be a space-separated string');
  const entityId = optionalString(payload, 'eid');
  return {
    kind,
    accountId,
    ...(entityId ? { entityId } : {}),
    sessionId,
    scopes: scope.split(' ').filter(Boolean),
  };
}

/**
 * Verifies identity's access tokens against its JWKS: ES256 only (no `none`, no HMAC with the
 * public key), `typ` at+jwt, our issuer, one of our audiences consistent with `kind`, `exp` and
 * `nbf` with a small clock tolerance. Keys are fetched once and cached; a token with a new `kid`
 * (a rotation) refetches them, at most once per cooldown.
 */
export function createAccessTokenVerifier(options: AccessTokenVerifierOptions): AccessTokenVerifier {
  let keys: { url: string; getKey: JWTVerifyGetKey } | undefined;
  // Resolved at first use: the router learns identity's URL when its gateway loads the supergraph.
  const keySet = (): JWTVerifyGetKey => {
    const url = typeof options.jwksUrl === 'function' ? options.jwksUrl() : options.jwksUrl;
    if (keys?.url !== url) {
      keys = {
        url,
        getKey: createRemoteJWKSet(new URL(url), {
          cacheMaxAge: options.jwksCacheMaxAgeMs ?? 10 * 60_000,
          cooldownDuration: options.jwksCooldownMs ?? 30_000,
          timeoutDuration: options.jwksTimeoutMs ?? 5000,
        }),
      };
    }
    return keys.getKey;
  };
  const issuer = options.issuer ?? DEFAULT_ISSUER;
  return {
    verify: async (token) => {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keySet(), {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          typ: ACCESS_TOKEN_TYPE,
          issuer,
          audience: Object.values(ACCESS_TOKEN_AUDIENCES),
          clockTolerance: options.clockToleranceSeconds ?? 5,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (error) {
        if (TOKEN_ERRORS.some((type) => error instanceof type)) throw new InvalidAccessTokenError((error as Error).message);
        // Anything else is about fetching the keys (identity down, a timeout, not a JWKS), not the token.
        throw new KeySetUnavailableError(`JWKS unavailable: ${(error as Error).message}`);
      }
      return { viewer: viewerFromAccessToken(payload), expiresAt: payload.exp! };
    },
  };
}

/**
 * The token of an `Authorization: Bearer <token>` header: undefined when there is no header,
 * InvalidAccessTokenError when there is one of another shape.
 */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  if (!match) throw new InvalidAccessTokenError('Authorization is not "Bearer <token>"');
  return match[1];
}
