import { createHash, hkdfSync } from 'node:crypto';
import { createSealer, parseSealerKeys, resolveInternalAuthSecret } from '@gametriggers/auth';
import type { Sealer } from '@gametriggers/auth';
import type { Logger } from '@gametriggers/federation';
import type { IdentityConfig } from '../config';

/**
 * The sealer of identity's secrets at rest (signing keys' private halves, later provider tokens):
 * IDENTITY_ENCRYPTION_KEYS / IDENTITY_ENCRYPTION_KEY_ID when set, and always in production. In
 * development (and the embedded launcher) a random secret kept in DATA_DIR/identity-encryption-key
 * (0600, created on first use, shared by every process of the checkout) gives a stable key through
 * HKDF-SHA256, with a warning: losing that file makes the sealed signing keys unreadable, and
 * identity then starts over with a new signing key (tokens signed before stop verifying).
 * The development key's id is `dev-<8 hex of its hash>`, so values sealed with another file's key
 * say which key they need instead of failing as tampered.
 */
export async function createIdentitySealer(config: IdentityConfig, logger: Logger): Promise<Sealer> {
  if (config.encryptionKeys) {
    const keys = parseSealerKeys(config.encryptionKeys);
    const ids = Object.keys(keys);
    const activeKeyId = config.encryptionKeyId ?? (ids.length === 1 ? ids[0] : undefined);
    if (!activeKeyId) throw new Error('IDENTITY_ENCRYPTION_KEY_ID must name the active key of IDENTITY_ENCRYPTION_KEYS');
    return createSealer({ keys, activeKeyId });
  }
  if (config.production) {
    throw new Error(
      'IDENTITY_ENCRYPTION_KEYS is required in production (e.g. k1:$(openssl rand -base64 32)) with IDENTITY_ENCRYPTION_KEY_ID',
    );
  }
  const secret = await resolveInternalAuthSecret({ secret: undefined, production: false, file: config.devEncryptionKeyFile });
  const key = Buffer.from(hkdfSync('sha256', secret, 'gametriggers', 'identity development encryption key', 32));
  const keyId = `dev-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
  logger.warn(
    { keyId, file: config.devEncryptionKeyFile },
    'IDENTITY_ENCRYPTION_KEYS is not set: sealing secrets with a development key kept in the data directory (never do this in production)',
  );
  return createSealer({ keys: { [keyId]: key.toString('base64') }, activeKeyId: keyId });
}
