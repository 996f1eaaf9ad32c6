import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { Viewer } from '@gametriggers/auth';
import { registerEventMetrics } from '@gametriggers/events';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { adminAuditPlugin } from './admin-audit';
import type { AdminAuditEntry } from './admin-audit';
import { createFormatError } from './format-error';

export interface SubgraphServerOptions<TContext extends object> {
  name: string;
  schema: GraphQLSchema;
  logger: Logger;
  /** Builds the per-request context (loaders, database client). */
  context: (request: express.Request) => Promise<TContext> | TContext;
  /**
   * Who sent the request (the router's internal viewer token), added to the context as `viewer`;
   * a request it rejects is answered 401 UNAUTHENTICATED before any GraphQL runs.
   * `/healthz`, `/readyz`, `/metrics` and the subgraph's own routes stay open.
   */
  authenticate: (request: express.Request) => Promise<Viewer>;
  /** Throws when a dependency (the database) is not usable; drives `/readyz`. */
  ready: () => Promise<void>;
  /** Plain HTTP routes of the subgraph's own, mounted before `/graphql`. */
  routes?: (app: express.Express) => void;
  /** Records each mutation an admin sends (see admin-audit.ts). */
  recordAdminAction?: (entry: AdminAuditEntry) => Promise<void>;
  /** 0 picks a free port (tests). Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

// One per process, even if this module were loaded twice.
const PROCESS_REGISTRY = Symbol.for('gametriggers.metrics.process');

/**
 * The process's own metrics (CPU, memory, event loop lag, GC, handles): collected once per process
 * however many servers run in it, and shown by each server's `/metrics` beside its own metrics
 * (each server is scraped as a target of its own; a standalone subgraph is a process of its own).
 */
export function processMetricsRegistry(): Registry {
  const globals = globalThis as { [PROCESS_REGISTRY]?: Registry };
  let registry = globals[PROCESS_REGISTRY];
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
    globals[PROCESS_REGISTRY] = registry;
  }
  return registry;
}

/** Serves `registry` (and the process metrics) at GET /metrics in Prometheus' text format. */
export function serveMetrics(app: express.Express, registry: Registry, logger: Logger): void {
  const exposed = Registry.merge([registry, processMetricsRegistry()]);
  app.get('/metrics', async (_req, res) => {
    try {
      const body = await exposed.metrics();
      res.type(exposed.contentType).send(body);
    } catch (error) {
      logger.warn({ err: error }, 'metrics could not be collected');
      res
        .status(500)
        .type('text/plain')
        .send((error as Error).message);
    }
  });
}

/**
 * Serves a subgraph at `/graphql` with `/healthz` (process up), `/readyz` (dependencies usable) and
 * `/metrics` (Prometheus: its own registry with its event metrics, plus the process metrics).
 */
export async function startSubgraphServer<TContext extends object>(options: SubgraphServerOptions<TContext>): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  // The router's gateway keeps its connections to subgraphs open without an idle limit; a server
  // closing one after Node's 5 s just as the gateway reuses it resets that request (seen in CI).
  // Idle connections are kept far longer here (the router also retries a reset query once).
  httpServer.keepAliveTimeout = 75_000;
  httpServer.headersTimeout = 76_000;
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createFormatError(options.logger),
    includeStacktraceInErrorResponses: false,
    // The process owner (launcher, standalone runner) stops servers in order on SIGINT/SIGTERM.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ...(options.recordAdminAction ? [adminAuditPlugin(options.recordAdminAction, options.logger) as never] : []),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await options.ready();
      res.json({ status: 'ready', service: options.name });
    } catch (error) {
      options.logger.warn({ err: error }, 'not ready');
      res.status(503).json({ status: 'unavailable', service: options.name, reason: (error as Error).message });
    }
  });
  // The subgraph's own registry: its relay's and its consumer's series only, labelled with its name.
  const registry = new Registry();
  registerEventMetrics(registry, { subgraph: options.name });
  serveMetrics(app, registry, options.logger);
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    async (req: express.Request, res: express.Response, next: express.NextFunction) => {
      try {
        res.locals['viewer'] = await options.authenticate(req);
        next();
      } catch (error) {
        options.logger.warn({ reason: (error as Error).message }, 'subgraph request refused: not from the router');
        res.status(401).json({
          errors: [{ message: 'This subgraph only answers the router and other subgraphs', extensions: { code: 'UNAUTHENTICATED' } }],
        });
      }
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = await options.context(req);
        return { ...context, viewer: res.locals['viewer'] as Viewer } as TContext;
      },
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${port}/graphql`;
  options.logger.info({ url }, `${options.name} subgraph ready`);
  return {
    url,
    stop: async () => {
      await apollo.stop();
    },
  };
}
