import { ACCESS_TOKEN_ALGORITHM } from '@gametriggers/auth';
import type { Sealer } from '@gametriggers/auth';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'jose';

/** The context a private key is sealed under: a sealed key copied to another row does not open. */
export const sealContext = (kid: string) => `signing-key:${kid}`;

/** A new P-256 key pair as stored: kid (RFC 7638 thumbprint), public JWK, private JWK sealed. */
export async function generateSigningKey(sealer: Sealer) {
  const { publicKey, privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  const { kty, crv, x, y } = await exportJWK(publicKey);
  const publicJwk: JWK = { kty, crv, x, y };
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  const privateJwk = await exportJWK(privateKey);
  return {
    kid,
    algorithm: ACCESS_TOKEN_ALGORITHM,
    publicJwk: { ...publicJwk },
    privateJwkSealed: sealer.seal(JSON.stringify(privateJwk), sealContext(kid)),
    kekId: sealer.activeKeyId,
  };
}
