import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of a refresh token: what is stored and looked up. A fast hash suffices for 256 random bits. */
export function hashRefreshToken(token: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(createHash('sha256').update(token, 'utf8').digest());
}

/** A new opaque refresh token (32 random bytes, base64url) and the hash to store. */
export function newRefreshToken(): { token: string; tokenHash: Uint8Array<ArrayBuffer> } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashRefreshToken(token) };
}
