/**
 * The access token contract between identity (which signs) and the router (which verifies):
 * a JWT (RFC 9068 profile) signed with ES256, `kid` in the header, published in identity's JWKS.
 */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';
export const ACCESS_TOKEN_TYPE = 'at+jwt';
/** `iss` unless AUTH_ISSUER says otherwise. */
export const DEFAULT_ISSUER = 'https://gametriggers.local/identity';
/** Access tokens live 15 minutes; refresh tokens renew them. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/** Where identity (and the router, for integrators) serve the public signing keys. */
export const JWKS_PATH = '/.well-known/jwks.json';

/** `aud` per account kind: a brand token is never accepted as a streamer's, and so on. */
export const ACCESS_TOKEN_AUDIENCES = {
  BRAND: 'gametriggers:brand',
  STREAMER: 'gametriggers:streamer',
  ADMIN: 'gametriggers:admin',
} as const;

export type AccountKindClaim = keyof typeof ACCESS_TOKEN_AUDIENCES;

/** The claims besides the registered ones (iss, aud, sub = account id, iat, exp, jti). */
export interface AccessTokenClaims {
  kind: AccountKindClaim;
  /** brandId or streamerId; absent for admins. */
  eid?: string;
  /** The session (refresh token family) the token was issued for. */
  sid: string;
  /** Space-separated scopes. */
  scope: string;
}
