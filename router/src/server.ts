import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { InternalAuth } from '@gametriggers/auth';
import { serveMetrics } from '@gametriggers/federation';
import type { PubSub } from '@gametriggers/pubsub';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { serveJwks } from './auth/jwks-route';
import { createRouterAuth } from './auth/router-auth';
import type { AccessTokenOptions } from './auth/router-auth';
import type { RouterContext } from './context';
import { createGateway } from './gateway';
import { sendGraphiQL, wantsGraphiQL } from './graphiql';
import { checkSubgraphs } from './readiness';
import { createRouterFormatError } from './plugins/format-error';
import { createRouterMetrics } from './plugins/metrics';
import { servePublicCampaignRoutes } from './public-routes';
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
  /** Signs the viewer for subgraphs (INTERNAL_AUTH_SECRET, the same as the subgraphs'). */
  internalAuth: InternalAuth;
  /** How client access tokens are checked; every option has a default. */
  accessTokens?: AccessTokenOptions;
  /**
   * Proxies in front of the router that append to X-Forwarded-For (TRUST_PROXY). Default 0: the
   * client's address is the TCP peer's, and a client's own X-Forwarded-For is ignored.
   */
  trustedProxies?: number;
}

export type { AccessTokenOptions } from './auth/router-auth';

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
 * registry plus the process metrics), and identity's public keys at /.well-known/jwks.json.
 * Clients authenticate with `Authorization: Bearer <access token>` (over WebSocket: the
 * `authorization` connection param); subgraphs learn the viewer from the internal token only.
 */
export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const app = express();
  const httpServer = http.createServer(app);
  const { gateway, apiSchema, subgraphUrls } = createGateway(options.supergraphSdl, options.internalAuth, options.subgraphUrls);
  const registry = new Registry();
  const metrics = createRouterMetrics(registry);
  const auth = createRouterAuth({
    accessTokens: options.accessTokens ?? {},
    internalAuth: options.internalAuth,
    trustedProxies: options.trustedProxies ?? 0,
    subgraphUrls,
    logger: options.logger,
    onRefused: metrics.countRefusal,
  });
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
    connect: auth.connect,
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const subgraphs = await checkSubgraphs(subgraphUrls(), options.internalAuth);
    const ready = Object.values(subgraphs).every((status) => status === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', subgraphs });
  });
  serveMetrics(app, registry, options.logger);
  serveJwks(app, { jwksUrl: auth.jwksUrl, logger: options.logger });
  servePublicCampaignRoutes(app, {
    campaignUrl: () => subgraphUrls()['campaign'],
    clientAddress: auth.clientAddress,
    logger: options.logger,
  });
  app.use('/graphql', (req, res, next) => (wantsGraphiQL(req) ? sendGraphiQL(req, res) : next()));
  app.use(
    '/graphql',
    // Before any GraphQL: a request with a bad token is refused whole, not run as anonymous.
    auth.httpAuthentication,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async ({ req, res }) => auth.httpContext(req, res) }),
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
