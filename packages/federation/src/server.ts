import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { createFormatError } from './format-error';

export interface SubgraphServerOptions<TContext extends object> {
  name: string;
  schema: GraphQLSchema;
  logger: Logger;
  /** Builds the per-request context (loaders, database client). */
  context: (request: express.Request) => Promise<TContext> | TContext;
  /** Throws when a dependency (the database) is not usable; drives `/readyz`. */
  ready: () => Promise<void>;
  /** 0 picks a free port (tests). Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/** Serves a subgraph at `/graphql` with `/healthz` (process up) and `/readyz` (dependencies usable). */
export async function startSubgraphServer<TContext extends object>(options: SubgraphServerOptions<TContext>): Promise<RunningServer> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    formatError: createFormatError(options.logger),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()],
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
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, { context: ({ req }) => Promise.resolve(options.context(req)) }),
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
