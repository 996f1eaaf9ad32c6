import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { INTERNAL_AUTH_SECRET_FILE, createInternalAuth, resolveInternalAuthSecret } from '@gametriggers/auth';
import { createEventTransport } from '@gametriggers/events';
import { assertReachable, ensureDatabase, migrateDatabase } from '@gametriggers/prisma-tools';
import { createPubSub } from '@gametriggers/pubsub';
import { createLogger } from './logger';
import { startSubgraph } from './subgraph';
import type { DatabaseClient, SubgraphDefinition } from './subgraph';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  INTERNAL_AUTH_SECRET: z.string().optional(),
  INTERNAL_AUTH_PREVIOUS_SECRET: z.string().optional(),
  INTERNAL_AUTH_SECRET_FILE: z.string().default(path.join(repoRoot, '.data', INTERNAL_AUTH_SECRET_FILE)),
  DATABASE_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().default('127.0.0.1'),
  PUBSUB_URL: z.string().optional(),
  REDIS_URL: z.string().optional(),
  AMQP_URL: z.string().optional(),
  EVENT_BUS_URL: z.string().optional(),
  MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),
});

/** RabbitMQ (AMQP_URL) or the PostgreSQL event bus (EVENT_BUS_URL, default database gametriggers_bus beside this subgraph's). */
async function openEvents(env: z.infer<typeof envSchema>, databaseUrl: string, logger: ReturnType<typeof createLogger>) {
  if (env.AMQP_URL) return createEventTransport(env.AMQP_URL, logger);
  const busUrl = env.EVENT_BUS_URL ?? new URL('/gametriggers_bus', databaseUrl).toString();
  await ensureDatabase(busUrl);
  return createEventTransport(busUrl, logger);
}

/**
 * Runs one subgraph as its own process (as in its own container): its own database,
 * migrated at start unless MIGRATE_ON_START=false. Every variable is optional:
 * DATABASE_URL (default: local PostgreSQL, database gametriggers_<name>), PORT (its default port),
 * HOST (127.0.0.1), PUBSUB_URL or REDIS_URL (default: publish nowhere outside this process),
 * AMQP_URL or EVENT_BUS_URL for events (default: the PostgreSQL bus in database gametriggers_bus),
 * INTERNAL_AUTH_SECRET (the router's; required when NODE_ENV=production, otherwise the development
 * secret in INTERNAL_AUTH_SECRET_FILE, default `.data/internal-auth-secret`, created on first use;
 * INTERNAL_AUTH_PREVIOUS_SECRET also accepted while the secret is rotated).
 */
export async function runStandalone<TDb extends DatabaseClient, TContext extends object>(
  definition: SubgraphDefinition<TDb, TContext>,
): Promise<void> {
  const logger = createLogger(`subgraph-${definition.name}`);
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    logger.fatal({ issues: parsed.error.issues }, 'invalid environment');
    process.exit(1);
  }
  const env = parsed.data;
  const databaseUrl = env.DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/gametriggers_${definition.name}`;
  try {
    const internalAuth = createInternalAuth(
      await resolveInternalAuthSecret({
        secret: env.INTERNAL_AUTH_SECRET,
        production: env.NODE_ENV === 'production',
        file: env.INTERNAL_AUTH_SECRET_FILE,
      }),
      env.INTERNAL_AUTH_PREVIOUS_SECRET,
    );
    await assertReachable(new URL('/postgres', databaseUrl).toString());
    if (env.MIGRATE_ON_START === 'true') await migrateDatabase(databaseUrl, definition.migrationsDir);
    const pubsub = await createPubSub(env.PUBSUB_URL ?? env.REDIS_URL);
    const events = definition.producesEvents || definition.createEventConsumer ? await openEvents(env, databaseUrl, logger) : undefined;
    const running = await startSubgraph(definition, {
      databaseUrl,
      port: env.PORT ?? definition.defaultPort,
      host: env.HOST,
      logger,
      publish: (topic, payload) => pubsub.publish(topic, payload),
      redisUrl: env.REDIS_URL,
      events,
      internalAuth,
    });
    const shutdown = async () => {
      await running.stop();
      await events?.close();
      await pubsub.close();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  } catch (error) {
    logger.fatal(`${definition.name} subgraph could not start: ${(error as Error).message}`);
    process.exit(1);
  }
}
