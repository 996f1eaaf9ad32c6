import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ISSUER } from '@gametriggers/auth';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  /** `iss` of the access tokens identity signs (the router expects the same). */
  AUTH_ISSUER: z.string().min(1).default(DEFAULT_ISSUER),
  /** Key-encryption keys for secrets at rest: `k1:base64,k2:base64` (32 bytes each). Required in production. */
  IDENTITY_ENCRYPTION_KEYS: z.string().min(1).optional(),
  /** Which of IDENTITY_ENCRYPTION_KEYS seals new values. Default: the only key, when there is one. */
  IDENTITY_ENCRYPTION_KEY_ID: z.string().min(1).optional(),
  /** Where a development key-encryption key is kept when none is configured (DATA_DIR/identity-encryption-key). */
  DATA_DIR: z.string().default(path.join(repoRoot, '.data')),
});

export interface IdentityConfig {
  production: boolean;
  issuer: string;
  encryptionKeys: string | undefined;
  encryptionKeyId: string | undefined;
  /** The development key-encryption key's file (used only when encryptionKeys is unset, never in production). */
  devEncryptionKeyFile: string;
}

/** Identity's settings from the environment, read once per subgraph instance (see services.ts). */
export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`identity: invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const values = parsed.data;
  return {
    production: values.NODE_ENV === 'production',
    issuer: values.AUTH_ISSUER,
    encryptionKeys: values.IDENTITY_ENCRYPTION_KEYS,
    encryptionKeyId: values.IDENTITY_ENCRYPTION_KEY_ID,
    devEncryptionKeyFile: path.join(values.DATA_DIR, 'identity-encryption-key'),
  };
}
