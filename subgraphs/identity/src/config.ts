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

/** An OAuth 2.0 / OIDC provider as configured: IDENTITY_OAUTH_<NAME>_{ISSUER,CLIENT_ID,CLIENT_SECRET,REDIRECT_URI,SCOPES}. */
export interface OAuthProviderConfig {
  /** The issuer; its `/.well-known/openid-configuration` gives the endpoints. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back (a page of the web app, which calls completeOAuth*). */
  redirectUri: string;
  scopes: string;
}

/** Scopes asked for when IDENTITY_OAUTH_<NAME>_SCOPES is not set. */
const DEFAULT_OAUTH_SCOPES: Record<string, string> = {
  TWITCH: 'openid user:read:email',
  YOUTUBE: 'openid email profile https://www.googleapis.com/auth/youtube.readonly',
};

function oauthProvider(env: NodeJS.ProcessEnv, name: 'TWITCH' | 'YOUTUBE'): OAuthProviderConfig | undefined {
  const value = (field: string) => env[`IDENTITY_OAUTH_${name}_${field}`]?.trim() || undefined;
  const [issuer, clientId, clientSecret, redirectUri] = [
    value('ISSUER'),
    value('CLIENT_ID'),
    value('CLIENT_SECRET'),
    value('REDIRECT_URI'),
  ];
  if (!issuer && !clientId) return undefined;
  if (!issuer || !clientId || !clientSecret || !redirectUri) {
    throw new Error(`identity: IDENTITY_OAUTH_${name}_ISSUER, _CLIENT_ID, _CLIENT_SECRET and _REDIRECT_URI go together`);
  }
  return { issuer, clientId, clientSecret, redirectUri, scopes: value('SCOPES') ?? DEFAULT_OAUTH_SCOPES[name]! };
}

export interface IdentityConfig {
  /** Configured OAuth providers (unset ones are refused with BAD_USER_INPUT). */
  oauth: Partial<Record<'TWITCH' | 'YOUTUBE', OAuthProviderConfig>>;
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
  // Refused here, at start, rather than at the first sign-in.
  if (values.NODE_ENV === 'production' && !values.IDENTITY_ENCRYPTION_KEYS) {
    throw new Error('identity: IDENTITY_ENCRYPTION_KEYS is required in production (e.g. k1:$(openssl rand -base64 32))');
  }
  const oauth: IdentityConfig['oauth'] = {};
  for (const name of ['TWITCH', 'YOUTUBE'] as const) {
    const provider = oauthProvider(env, name);
    if (provider) oauth[name] = provider;
  }
  return {
    oauth,
    production: values.NODE_ENV === 'production',
    issuer: values.AUTH_ISSUER,
    encryptionKeys: values.IDENTITY_ENCRYPTION_KEYS,
    encryptionKeyId: values.IDENTITY_ENCRYPTION_KEY_ID,
    devEncryptionKeyFile: path.join(values.DATA_DIR, 'identity-encryption-key'),
  };
}
