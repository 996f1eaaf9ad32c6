import { VIEWER_HEADER } from '@gametriggers/auth';
import type { InternalAuth } from '@gametriggers/auth';
import { startJobRunner, startOutboxRelay } from '@gametriggers/events';
import type { ConsumerOptions, EventTransport, JobHandler, JobRunner, OutboxRelay, RunningConsumer } from '@gametriggers/events';
import type express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { ADMIN_AUDIT_INSERT, adminAuditValues } from './admin-audit';
import { startSubgraphServer } from './server';
import type { RunningServer } from './server';

/** What the rest of the system may hand a subgraph when it starts. */
export interface SubgraphDependencies {
  logger: Logger;
  /** Publishes live events (e.g. metrics) for the router's subscriptions; absent = not published. */
  publish?: (topic: string, payload: unknown) => Promise<void>;
  /** Redis, when the deployment has one (shared counters such as rate limits); absent = none. */
  redisUrl?: string | undefined;
  /** Signs a SERVICE viewer for calls to other subgraphs (and verifies incoming requests). */
  internalAuth?: InternalAuth | undefined;
}

/** A database client: Prisma's, reduced to what start and stop need. */
export interface DatabaseClient {
  $queryRawUnsafe(query: string): Promise<unknown>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $disconnect(): Promise<void>;
}

/** Everything needed to run one subgraph, in one process with the others or on its own. */
export interface SubgraphDefinition<TDb extends DatabaseClient = DatabaseClient, TContext extends object = object> {
  name: string;
  /** Port when run on its own (4001-4009). */
  defaultPort: number;
  /** `prisma/migrations` of the subgraph. */
  migrationsDir: string;
  createDatabaseClient(databaseUrl: string): TDb;
  buildSchema(): Promise<{ schema: GraphQLSchema; sdl: string }>;
  /** Per request; `request` is the HTTP request (headers such as x-forwarded-for set by the router). */
  createContext(db: TDb, deps: SubgraphDependencies, request?: express.Request): TContext;
  /** Loads the demo data (ids from demoIds of @gametriggers/prisma-tools); idempotent (upserts). */
  seedDemo?(db: TDb): Promise<void>;
  /** The subgraph writes events to an "OutboxEvent" table: its relay runs beside the server. */
  producesEvents?: boolean;
  /** The events it consumes, handled through its inbox (`createConsumer` of @gametriggers/events). */
  createEventConsumer?(db: TDb, deps: SubgraphDependencies): ConsumerOptions;
  /**
   * Its background and scheduled jobs (`handleJob` of @gametriggers/events): a job runner takes them
   * from the queue in its own database (installing the queue's schema first) beside the server.
   */
  createJobHandlers?(db: TDb, deps: SubgraphDependencies): JobHandler[];
  /** Plain HTTP routes beside `/graphql` (e.g. a JWKS document, OAuth callbacks, tracking links). */
  routes?(app: express.Express, db: TDb, deps: SubgraphDependencies): void;
}

export interface StartSubgraphOptions extends SubgraphDependencies {
  databaseUrl: string;
  /** Where events go and come from; without it the subgraph neither relays nor consumes events. */
  events?: EventTransport | undefined;
  /**
   * Verifies the internal viewer token of each `/graphql` request (see @gametriggers/auth) and puts
   * its viewer in the context as `viewer`. Required: a subgraph answers only the router and its peers.
   */
  internalAuth: InternalAuth;
  port?: number;
  host?: string;
}

export interface RunningSubgraph extends RunningServer {
  name: string;
  /** The outbox relay, when the subgraph produces events and a transport was given. */
  relay?: OutboxRelay;
}

const schemas = new Map<string, Promise<{ schema: GraphQLSchema; sdl: string }>>();

/** Builds a subgraph's schema once per process (type-graphql metadata is global). */
export function schemaOf(definition: SubgraphDefinition<never, never>) {
  let schema = schemas.get(definition.name);
  if (!schema) {
    schema = definition.buildSchema();
    schemas.set(definition.name, schema);
  }
  return schema;
}

/** Starts a subgraph's HTTP server on its own database client; stop() closes both. */
export async function startSubgraph<TDb extends DatabaseClient, TContext extends object>(
  definition: SubgraphDefinition<TDb, TContext>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  // Fail closed: without it anyone who can reach the port could act as any viewer.
  if (!options.internalAuth) throw new Error(`the ${definition.name} subgraph needs internalAuth (INTERNAL_AUTH_SECRET)`);
  const { internalAuth } = options;
  const db = definition.createDatabaseClient(options.databaseUrl);
  const { schema } = await schemaOf(definition as never);
  const logger = options.logger.child({ subgraph: definition.name });
  const deps: SubgraphDependencies = { ...options, logger };
  let relay: OutboxRelay | undefined;
  let consumer: RunningConsumer | undefined;
  let jobRunner: JobRunner | undefined;
  try {
    // Before the server: requests may schedule jobs, which needs the queue's schema.
    if (definition.createJobHandlers) {
      jobRunner = await startJobRunner({
        connectionString: options.databaseUrl,
        jobs: definition.createJobHandlers(db, deps),
        logger: logger.child({ component: 'job-runner' }),
      });
    }
    if (options.events && definition.producesEvents) {
      relay = startOutboxRelay({
        name: definition.name,
        connectionString: options.databaseUrl,
        transport: options.events,
        logger: logger.child({ component: 'outbox-relay' }),
      });
    }
    if (options.events && definition.createEventConsumer) consumer = await options.events.consume(definition.createEventConsumer(db, deps));
    const server = await startSubgraphServer({
      name: definition.name,
      schema,
      logger,
      port: options.port ?? 0,
      host: options.host ?? '127.0.0.1',
      context: (request: express.Request) => definition.createContext(db, deps, request),
      // Every subgraph's database has an "AdminAuditLog" table (its admin_audit migration).
      recordAdminAction: async (entry) => {
        await db.$executeRawUnsafe(ADMIN_AUDIT_INSERT, ...adminAuditValues(entry));
      },
      authenticate: (request: express.Request) => internalAuth.verify(request.header(VIEWER_HEADER)),
      ...(definition.routes ? { routes: (app: express.Express) => definition.routes!(app, db, deps) } : {}),
      ready: async () => {
        await db.$queryRawUnsafe('SELECT 1');
        if (relay || consumer) await options.events?.ready();
      },
    });
    return {
      name: definition.name,
      url: server.url,
      ...(relay ? { relay } : {}),
      stop: async () => {
        await server.stop();
        await consumer?.stop();
        await jobRunner?.stop();
        await relay?.stop();
        await db.$disconnect();
      },
    };
  } catch (error) {
    await consumer?.stop();
    await jobRunner?.stop();
    await relay?.stop();
    await db.$disconnect();
    throw error;
  }
}
