import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import type { GraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { JWKS_PATH, createAccessTokenVerifier } from '@gametriggers/auth';
import type { InternalAuth } from '@gametriggers/auth';
import { serveMetrics } from '@gametriggers/federation';
import type { PubSub } from '@gametriggers/pubsub';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { Registry } from 'prom-client';
import { authenticate, AuthenticationRefused } from './auth/authenticate';
import { clientAddress } from './auth/client-address';
import { serveJwks } from './auth/jwks-route';
import { createRouterContext, pickForwardedHeaders } from './context';
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

export interface AccessTokenOptions {
  /** Identity's JWKS (JWKS_URL). Default: the identity subgraph's URL with `/graphql` replaced by JWKS_PATH. */
  jwksUrl?: string | undefined;
  /** Expected `iss` (AUTH_ISSUER). Default DEFAULT_ISSUER. */
  issuer?: string | undefined;
  /** Default 5 s. */
  clockToleranceSeconds?: number;
  /** Default 10 minutes. */
  jwksCacheMaxAgeMs?: number;
  /** Minimum time between two JWKS fetches caused by unknown `kid`s. Default 30 s. */
  jwksCooldownMs?: number;
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
 * registry plus the process metrics), and identity's public keys at /.well-known/jwks.json.
 * Clients authenticate with `Authorization: Bearer <access token>` (over WebSocket: the
 * `authorization` connection param); subgraphs learn the viewer from the internal token only.
 */
export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  const app = express();
  const httpServer = http.createServer(app);
  const { gateway, apiSchema, subgraphUrls } = createGateway(options.supergraphSdl, options.internalAuth, options.subgraphUrls);
  const tokens = options.accessTokens ?? {};
  const jwksUrl = () => {
    if (tokens.jwksUrl) return tokens.jwksUrl;
    const identity = subgraphUrls()['identity'];
    if (!identity) throw new Error('no JWKS_URL and no identity subgraph to take the keys from');
    return identity.replace(/\/graphql\/?$/, '') + JWKS_PATH;
  };
  const verifier = createAccessTokenVerifier({
    jwksUrl,
    issuer: tokens.issuer,
    ...(tokens.clockToleranceSeconds !== undefined ? { clockToleranceSeconds: tokens.clockToleranceSeconds } : {}),
    ...(tokens.jwksCacheMaxAgeMs !== undefined ? { jwksCacheMaxAgeMs: tokens.jwksCacheMaxAgeMs } : {}),
    ...(tokens.jwksCooldownMs !== undefined ? { jwksCooldownMs: tokens.jwksCooldownMs } : {}),
  });
  const trustedProxies = options.trustedProxies ?? 0;
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
    connect: async (params, request) => {
      const authorization = params?.['authorization'];
      const { viewer, expiresAt } = await authenticate(
        verifier,
        typeof authorization === 'string' ? authorization : undefined,
        options.logger,
      );
      const context = createRouterContext(options.internalAuth, {
        viewer,
        clientAddress: clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustedProxies),
        headers: pickForwardedHeaders(params),
      });
      return { context, ...(expiresAt ? { expiresAt } : {}) };
    },
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
  serveJwks(app, { jwksUrl, logger: options.logger });
  app.use('/graphql', (req, res, next) => (wantsGraphiQL(req) ? sendGraphiQL(req, res) : next()));
  app.use(
    '/graphql',
    // Before any GraphQL: a request with a bad token is refused whole, not run as anonymous.
    async (req, res, next) => {
      try {
        res.locals['viewer'] = (await authenticate(verifier, req.headers.authorization, options.logger)).viewer;
        next();
      } catch (error) {
        if (!(error instanceof AuthenticationRefused)) return next(error);
        if (error.challenge) res.set('www-authenticate', error.challenge);
        res.status(error.status).json(error.body);
      }
    },
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        createRouterContext(options.internalAuth, {
          viewer: res.locals['viewer'],
          clientAddress: clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies),
          headers: pickForwardedHeaders(req.headers),
        }),
    }),
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
