import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { serveMetrics } from '@gametriggers/federation';
import type { PubSub } from '@gametriggers/pubsub';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { pickForwardedHeaders } from './context';
import type { RouterContext } from './context';
import { createGateway } from './gateway';
import { sendGraphiQL, wantsGraphiQL } from './graphiql';
import { checkSubgraphs } from './readiness';
import { createRouterFormatError } from './plugins/format-error';
import { createRouterMetrics } from './plugins/metrics';
import { serveSubscriptions } from './subscriptions/serve';

export interface RouterOptions {
  supergraphSdl: string;
  /** Subgraph name -> URL, replacing the routing URL in the supergraph SDL. */
  subgraphUrls?: Record<string, string>;
  pubsub: PubSub;
  logger: Logger;
  /** Default 4000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningRouter {
  url: string;
  wsUrl: string;
  stop: () => Promise<void>;
}

const toGraphQLError = (error: GraphQLFormattedError) =>
  new GraphQLError(error.message, { path: error.path, extensions: error.extensions });

/**
 * The router: `@apollo/server` + `@apollo/gateway` at /graphql (POST and GET operations, GraphiQL
 * for browsers), graphql-ws subscriptions on the same path, /healthz, /readyz and /metrics (its own
 * registry plus the process metrics).
 */
export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const app = express();
  const httpServer = http.createServer(app);
  const { gateway, apiSchema, subgraphUrls } = createGateway(options.supergraphSdl, options.subgraphUrls);
  const registry = new Registry();
  const metrics = createRouterMetrics(registry);
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    formatError: createRouterFormatError(options.logger),
    includeStacktraceInErrorResponses: false,
    // The process owner (launcher, standalone runner) stops servers in order on SIGINT/SIGTERM.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), metrics.plugin],
  });
  await apollo.start();

  const execute = async (request: GraphQLRequest, context: RouterContext): Promise<ExecutionResult> => {
    const response = await apollo.executeOperation(request, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('incremental delivery is not supported here');
    const { data, errors } = response.body.singleResult;
    return { data: data as ExecutionResult['data'], ...(errors ? { errors: errors.map(toGraphQLError) } : {}) };
  };

  const subscriptions = serveSubscriptions({
    httpServer,
    path: '/graphql',
    pubsub: metrics.countSubscriptions(options.pubsub),
    logger: options.logger,
    apiSchema,
    execute,
    context: (params) => ({ headers: pickForwardedHeaders(params) }),
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const subgraphs = await checkSubgraphs(subgraphUrls());
    const ready = Object.values(subgraphs).every((status) => status === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', subgraphs });
  });
  serveMetrics(app, registry, options.logger);
  app.use('/graphql', (req, res, next) => (wantsGraphiQL(req) ? sendGraphiQL(req, res) : next()));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req }) => ({ headers: pickForwardedHeaders(req.headers) }) }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 4000, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
  return {
    url: `http://${host}:${port}/graphql`,
    wsUrl: `ws://${host}:${port}/graphql`,
    stop: async () => {
      await subscriptions.close();
      await apollo.stop();
    },
  };
}
