import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { INTERNAL_AUTH_SECRET_FILE } from '@gametriggers/auth';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().optional(),
  SUPERGRAPH_CONFIG: z.string().default(path.join(repoRoot, 'supergraph.yaml')),
  PUBSUB_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  NODE_ENV: z.string().default('development'),
  INTERNAL_AUTH_SECRET: z.string().optional(),
  INTERNAL_AUTH_PREVIOUS_SECRET: z.string().optional(),
  INTERNAL_AUTH_SECRET_FILE: z.string().default(path.join(repoRoot, '.data', INTERNAL_AUTH_SECRET_FILE)),
  JWKS_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((value, ctx) => {
      if (value === 'false') return 0;
      if (value === 'true') return 1;
      const hops = Number(value);
      if (Number.isInteger(hops) && hops >= 0) return hops;
      ctx.addIssue({ code: 'custom', message: 'TRUST_PROXY is true, false or a number of proxy hops' });
      return z.NEVER;
    }),
});

export interface RouterConfig {
  port: number;
  host: string;
  /** A composed supergraph SDL file to serve as is (any Federation 2 subgraphs). */
  supergraphPath: string | undefined;
  /** supergraph.yaml to compose at start when no supergraphPath is given. */
  supergraphConfig: string;
  pubsubUrl: string | undefined;
  /** From SUBGRAPH_<NAME>_URL variables, e.g. SUBGRAPH_BRAND_URL. */
  subgraphUrls: Record<string, string>;
  /** NODE_ENV=production: INTERNAL_AUTH_SECRET must be set. */
  production: boolean;
  /** INTERNAL_AUTH_SECRET, shared with the subgraphs. */
  internalAuthSecret: string | undefined;
  /** INTERNAL_AUTH_PREVIOUS_SECRET: still accepted from subgraphs while the secret is rotated. */
  internalAuthPreviousSecret: string | undefined;
  /** Where a development secret is kept when none is set (default `.data/internal-auth-secret`). */
  internalAuthSecretFile: string;
  /** JWKS_URL; default identity's (its subgraph URL with /graphql replaced by /.well-known/jwks.json). */
  jwksUrl: string | undefined;
  /** AUTH_ISSUER; default DEFAULT_ISSUER of @gametriggers/auth. */
  issuer: string | undefined;
  /** TRUST_PROXY: proxies in front that append to X-Forwarded-For (true = 1). Default 0. */
  trustedProxies: number;
}

/** Reads the router's environment once, with a readable error for each bad variable. */
export function loadRouterConfig(env: NodeJS.ProcessEnv = process.env): RouterConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `Invalid router environment: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const subgraphUrls: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(key);
    if (match?.[1] && value) subgraphUrls[match[1].toLowerCase()] = value;
  }
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    supergraphPath: parsed.data.SUPERGRAPH_PATH,
    supergraphConfig: parsed.data.SUPERGRAPH_CONFIG,
    pubsubUrl: parsed.data.PUBSUB_URL ?? parsed.data.REDIS_URL,
    subgraphUrls,
    production: parsed.data.NODE_ENV === 'production',
    internalAuthSecret: parsed.data.INTERNAL_AUTH_SECRET,
    internalAuthSecretFile: parsed.data.INTERNAL_AUTH_SECRET_FILE,
    internalAuthPreviousSecret: parsed.data.INTERNAL_AUTH_PREVIOUS_SECRET,
    jwksUrl: parsed.data.JWKS_URL,
    issuer: parsed.data.AUTH_ISSUER,
    trustedProxies: parsed.data.TRUST_PROXY,
  };
}
