import { SignJWT, errors, jwtVerify } from 'jose';
import { viewerFrom } from './viewer';
import type { Viewer } from './viewer';

/**
 * The header the router (or a subgraph calling another) sets on every subgraph request: a short-lived
 * HS256 JWT over the Viewer, signed with the deployment's INTERNAL_AUTH_SECRET. A subgraph trusts
 * nothing else about the caller, and refuses `/graphql` requests without a valid one.
 */
export const VIEWER_HEADER = 'x-gametriggers-viewer';
const ISSUER = 'gametriggers-internal';
const AUDIENCE = 'gametriggers-subgraph';
/** Long enough for one subgraph fetch of a query plan, short enough to be useless if leaked. */
export const INTERNAL_TOKEN_TTL_SECONDS = 60;
const MIN_SECRET_BYTES = 32;

export interface InternalAuth {
  sign: (viewer: Viewer) => Promise<string>;
  /** The Viewer of a valid token; throws on a missing, expired, forged or malformed one. */
  verify: (token: string | undefined) => Promise<Viewer>;
}

export class InvalidInternalTokenError extends Error {
  override readonly name = 'InvalidInternalTokenError';
}

const keyOf = (secret: string, name: string) => {
  const key = new TextEncoder().encode(secret);
  if (key.byteLength < MIN_SECRET_BYTES) throw new Error(`${name} must be at least ${MIN_SECRET_BYTES} bytes`);
  return key;
};

/**
 * From the shared secret (at least 32 bytes of UTF-8, e.g. `openssl rand -base64 48`), which signs
 * and verifies. `previousSecret` (INTERNAL_AUTH_PREVIOUS_SECRET) only verifies: it lets the secret be
 * rotated without refusing requests signed by processes not yet restarted.
 */
export function createInternalAuth(secret: string, previousSecret?: string): InternalAuth {
  const key = keyOf(secret, 'INTERNAL_AUTH_SECRET');
  const keys = previousSecret ? [key, keyOf(previousSecret, 'INTERNAL_AUTH_PREVIOUS_SECRET')] : [key];
  const verifyWith = async (token: string, index = 0): Promise<Record<string, unknown>> => {
    try {
      return (await jwtVerify(token, keys[index]!, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE })).payload;
    } catch (error) {
      if (error instanceof errors.JWSSignatureVerificationFailed && index + 1 < keys.length) return verifyWith(token, index + 1);
      throw error;
    }
  };
  return {
    sign: (viewer) =>
      new SignJWT({ viewer: { ...viewer } })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${INTERNAL_TOKEN_TTL_SECONDS}s`)
        .sign(key),
    verify: async (token) => {
      if (!token) throw new InvalidInternalTokenError(`missing ${VIEWER_HEADER} header`);
      let payload: Record<string, unknown>;
      try {
        payload = await verifyWith(token);
      } catch (error) {
        throw new InvalidInternalTokenError(`invalid ${VIEWER_HEADER}: ${(error as Error).message}`);
      }
      const viewer = viewerFrom(payload['viewer']);
      if (!viewer) throw new InvalidInternalTokenError(`invalid ${VIEWER_HEADER}: no viewer`);
      return viewer;
    },
  };
}
