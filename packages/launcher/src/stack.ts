import path from 'node:path';
import { chmod, mkdir } from 'node:fs/promises';
import { createInternalAuth } from '@gametriggers/auth';
import { startSubgraph } from '@gametriggers/federation';
import type { Logger, RunningSubgraph, SubgraphDefinition } from '@gametriggers/federation';
import { assertReachable, databaseUrl, ensureDatabase, migrateDatabase, startEmbeddedPostgres } from '@gametriggers/prisma-tools';
import { createEventTransport } from '@gametriggers/events';
import type { EventTransport } from '@gametriggers/events';
import type { EmbeddedDatabase } from '@gametriggers/prisma-tools';
import { createPubSub } from '@gametriggers/pubsub';
import { composeSupergraph, startRouter } from '@gametriggers/router';

export interface StackOptions {
  logger: Logger;
  /** A PostgreSQL server URL; each subgraph gets database `<prefix><name>` on it. Unset: embedded PostgreSQL in dataDir. */
  databaseUrl?: string | undefined;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  /** Prefix of the per-subgraph database names. Default `gametriggers_`. */
  databasePrefix?: string;
  /** redis://, postgresql:// or memory: (default: in process, as everything runs in this process). */
  pubsubUrl?: string | undefined;
  /** RabbitMQ for events between subgraphs; unset: the embedded bus, database `<prefix>bus` on the server. */
  amqpUrl?: string | undefined;
  /** Router port (default 4000; 0 = any). */
  port?: number;
  /** First subgraph port, the others follow in supergraph.yaml order (default 4001; 0 = any). */
  subgraphBasePort?: number;
  host?: string;
  seedDemo?: boolean;
  /** The subgraphs to run (the launcher passes all nine). */
  subgraphs: SubgraphDefinition[];
  /** INTERNAL_AUTH_SECRET: the router signs each request's viewer with it, the subgraphs verify it. */
  internalAuthSecret: string;
  /** INTERNAL_AUTH_PREVIOUS_SECRET: also accepted while the secret is rotated. */
  internalAuthPreviousSecret?: string | undefined;
  /** Identity's JWKS for the router (JWKS_URL); default identity's own `/.well-known/jwks.json`. */
  jwksUrl?: string | undefined;
  /** Expected `iss` of access tokens (AUTH_ISSUER); default DEFAULT_ISSUER. */
  issuer?: string | undefined;
  /** Proxies in front of the router appending to X-Forwarded-For (TRUST_PROXY). Default 0. */
  trustedProxies?: number;
}

export interface RunningStack {
  routerUrl: string;
  wsUrl: string;
  /** The composed supergraph the router serves (with this stack's subgraph URLs). */
  supergraphSdl: string;
  subgraphs: Record<string, { url: string; databaseUrl: string }>;
  /** The event transport the subgraphs share (tests drain relays through `started`). */
  events: EventTransport;
  /** The running subgraphs (their outbox relays included). */
  started: RunningSubgraph[];
  stop: () => Promise<void>;
}

async function databaseServer(options: StackOptions): Promise<{ url: string; embedded?: EmbeddedDatabase }> {
  if (options.databaseUrl) {
    await assertReachable(options.databaseUrl);
    return { url: options.databaseUrl };
  }
  await mkdir(options.dataDir, { recursive: true });
  await chmod(options.dataDir, 0o755); // as root, the embedded server runs as user postgres
  const embedded = await startEmbeddedPostgres(path.join(options.dataDir, 'postgres'));
  return { url: embedded.url, embedded };
}

/** RabbitMQ when configured, else the PostgreSQL event bus in its own database. */
async function openEventTransport(amqpUrl: string | undefined, busUrl: string, logger: Logger): Promise<EventTransport> {
  if (amqpUrl) return createEventTransport(amqpUrl, logger.child({ component: 'events' }));
  await ensureDatabase(busUrl);
  return createEventTransport(busUrl, logger.child({ component: 'events' }));
}

/** Migrates a subgraph's database and, when asked, loads its demo data. */
async function prepareDatabase(definition: SubgraphDefinition, url: string, seed: boolean): Promise<void> {
  await migrateDatabase(url, definition.migrationsDir);
  if (!seed || !definition.seedDemo) return;
  const db = definition.createDatabaseClient(url);
  try {
    await definition.seedDemo(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * The whole supergraph in one process: a database per subgraph (embedded PostgreSQL unless a server
 * is given), migrated and optionally seeded, nine subgraph servers, and the router composed over them.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const definitions = options.subgraphs;
  const internalAuth = createInternalAuth(options.internalAuthSecret, options.internalAuthPreviousSecret);
  const prefix = options.databasePrefix ?? 'gametriggers_';
  const server = await databaseServer(options);
  const started: RunningSubgraph[] = [];
  const pubsub = await createPubSub(options.pubsubUrl);
  let events: EventTransport | undefined;
  try {
    events = await openEventTransport(options.amqpUrl, databaseUrl(server.url, `${prefix}bus`), options.logger);
    const urls = Object.fromEntries(
      definitions.map((definition) => [definition.name, databaseUrl(server.url, `${prefix}${definition.name}`)]),
    );
    // Three at a time: enough to overlap I/O on two cores without a burst of connections.
    for (let i = 0; i < definitions.length; i += 3) {
      await Promise.all(
        definitions.slice(i, i + 3).map((definition) => prepareDatabase(definition, urls[definition.name]!, options.seedDemo ?? false)),
      );
    }
    const basePort = options.subgraphBasePort ?? 4001;
    for (const [index, definition] of definitions.entries()) {
      started.push(
        await startSubgraph(definition, {
          databaseUrl: urls[definition.name]!,
          port: basePort ? basePort + index : 0,
          host: options.host ?? '127.0.0.1',
          logger: options.logger,
          publish: (topic, payload) => pubsub.publish(topic, payload),
          redisUrl: options.pubsubUrl?.startsWith('redis') ? options.pubsubUrl : undefined,
          events,
          internalAuth,
        }),
      );
    }
    const sdls = await Promise.all(definitions.map(async (definition) => (await definition.buildSchema()).sdl));
    const { supergraphSdl } = composeSupergraph(
      started.map((subgraph, index) => ({ name: subgraph.name, url: subgraph.url, sdl: sdls[index]! })),
    );
    const router = await startRouter({
      supergraphSdl,
      pubsub,
      logger: options.logger.child({ service: 'router' }),
      port: options.port ?? 4000,
      host: options.host ?? '127.0.0.1',
      internalAuth,
      accessTokens: { jwksUrl: options.jwksUrl, issuer: options.issuer },
      trustedProxies: options.trustedProxies ?? 0,
    });
    return {
      routerUrl: router.url,
      wsUrl: router.wsUrl,
      supergraphSdl,
      events,
      started,
      subgraphs: Object.fromEntries(started.map((subgraph) => [subgraph.name, { url: subgraph.url, databaseUrl: urls[subgraph.name]! }])),
      stop: async () => {
        await router.stop();
        await Promise.all(started.map((subgraph) => subgraph.stop()));
        await events?.close();
        await pubsub.close();
        await server.embedded?.stop();
      },
    };
  } catch (error) {
    await Promise.allSettled(started.map((subgraph) => subgraph.stop()));
    await events?.close();
    await pubsub.close();
    await server.embedded?.stop();
    throw error;
  }
}
