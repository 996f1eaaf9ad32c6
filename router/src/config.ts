import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().optional(),
  SUPERGRAPH_CONFIG: z.string().default(path.join(repoRoot, 'supergraph.yaml')),
  PUBSUB_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
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
  };
}
