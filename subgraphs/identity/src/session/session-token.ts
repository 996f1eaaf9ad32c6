import { createHash, randomBytes } from 'node:crypto';

/** How long a session lasts from sign-in. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** SHA-256 of a session token: what is stored and looked up. A fast hash suffices for 256 random bits. */
export function hashSessionToken(token: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(token, 'utf8').digest());
}

/** A new opaque session token (32 random bytes, base64url) and the hash to store. */
export function newSessionToken(): { token: string; tokenHash: Uint8Array<ArrayBuffer> } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashSessionToken(token) };
}
