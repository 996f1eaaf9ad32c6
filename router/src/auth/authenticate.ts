import { ANONYMOUS, InvalidAccessTokenError, KeySetUnavailableError, bearerToken } from '@gametriggers/auth';
import type { AccessTokenVerifier, Viewer } from '@gametriggers/auth';
import type { Logger } from 'pino';

export interface Authenticated {
  viewer: Viewer;
  /** When the access token expires (seconds since the epoch); absent for anonymous viewers. */
  expiresAt?: number;
}

/** Why a request is refused, with what to tell the client (RFC 6750 error codes). */
export class AuthenticationRefused extends Error {
  override readonly name = 'AuthenticationRefused';
  constructor(
    /** 401 for the client's token, 503 when identity's keys cannot be fetched. */
    readonly status: 401 | 503,
    /** Safe to show. */
    readonly publicMessage: string,
    /** For the logs only. */
    readonly reason: string,
    readonly bearerError: 'invalid_token' | 'invalid_request' | undefined,
  ) {
    super(publicMessage);
  }

  /** The GraphQL response body of a refused HTTP request. */
  get body() {
    const extensions = this.status === 401 ? { code: 'UNAUTHENTICATED' } : { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'identity' };
    return { errors: [{ message: this.publicMessage, extensions }] };
  }

  /** The WWW-Authenticate header of a 401 (RFC 6750 §3). */
  get challenge(): string | undefined {
    return this.bearerError ? `Bearer error="${this.bearerError}"` : undefined;
  }
}

/**
 * The viewer of an `Authorization` value: anonymous without one, the token's viewer for a valid
 * bearer token, AuthenticationRefused for anything else (a bad token is never downgraded to
 * anonymous: the client meant to be someone, and must learn that it is not).
 */
export async function authenticate(
  verifier: AccessTokenVerifier,
  authorization: string | undefined,
  logger: Logger,
): Promise<Authenticated> {
  let token: string | undefined;
  try {
    token = bearerToken(authorization);
  } catch (error) {
    logger.info({ reason: (error as Error).message }, 'request refused: malformed Authorization');
    throw new AuthenticationRefused(401, 'Authorization must be "Bearer <access token>"', (error as Error).message, 'invalid_request');
  }
  if (token === undefined) return { viewer: ANONYMOUS };
  try {
    const verified = await verifier.verify(token);
    return { viewer: verified.viewer, expiresAt: verified.expiresAt };
  } catch (error) {
    if (error instanceof InvalidAccessTokenError) {
      logger.info({ reason: error.message }, 'request refused: invalid access token');
      throw new AuthenticationRefused(401, 'The access token is invalid or has expired', error.message, 'invalid_token');
    }
    if (error instanceof KeySetUnavailableError) {
      logger.warn({ reason: error.message }, "access token not checked: identity's keys are unavailable");
      throw new AuthenticationRefused(503, 'Sign-in cannot be checked right now; try again shortly', error.message, undefined);
    }
    throw error;
  }
}
