import type { IncomingMessage, Server } from 'node:http';
import type { PubSub } from '@gametriggers/pubsub';
import { GraphQLError, print } from 'graphql';
import type { ExecutionArgs, ExecutionResult, GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { AuthenticationRefused } from '../auth/authenticate';
import type { RouterContext } from '../context';
import { eventStream } from './event-stream';
import { subscriptionRoutes } from './fields';
import { subscriptionAsQuery } from './to-query';

/** Runs an operation through the gateway; the router's HTTP path does the same. */
export type ExecuteThroughGateway = (
  request: { query: string; variables: Record<string, unknown>; operationName?: string | undefined },
  context: RouterContext,
) => Promise<ExecutionResult>;

export interface SubscriptionServerOptions {
  httpServer: Server;
  path: string;
  pubsub: PubSub;
  logger: Logger;
  apiSchema: () => GraphQLSchema;
  execute: ExecuteThroughGateway;
  /**
   * Who a connection is, from its connection params (`authorization`) and upgrade request; an
   * AuthenticationRefused closes it. `expiresAt` (seconds since the epoch): when to close it.
   */
  connect: (
    connectionParams: Record<string, unknown> | undefined,
    request: IncomingMessage,
  ) => Promise<{ context: RouterContext; expiresAt?: number }>;
}

/** A connection refused for its credentials: graphql-ws clients treat it as fatal (sign in again). */
export const CLOSE_UNAUTHORIZED = 4401;
/** A connection whose token expired: graphql-ws clients retry it, asking connectionParams for a fresh token. */
export const CLOSE_TOKEN_EXPIRED = 4403;
/** Identity's keys could not be fetched: "try again later". */
const CLOSE_UNAVAILABLE = 1013;

/** A viewer's identity as a cache key: two connections of the same viewer may share results. */
const viewerKey = (context: RouterContext) => {
  const { kind, accountId, entityId, service, scopes } = context.viewer;
  return [kind, accountId ?? null, entityId ?? null, service ?? null, [...scopes].sort().join(' ')];
};

/**
 * graphql-ws on the router's HTTP server and path. `@apollo/gateway` cannot execute subscriptions,
 * so each subscription listens on its pub/sub topic, and for each event its selection set runs as a
 * query through the gateway, as the connection's viewer. Subscribers with the same operation,
 * variables and viewer share one gateway query per event.
 */
export function serveSubscriptions(options: SubscriptionServerOptions): { close: () => Promise<void> } {
  const wsServer = new WebSocketServer({ server: options.httpServer, path: options.path });
  // One in-flight gateway query per (event, operation): the payload object is shared by every
  // listener of one published event, so it keys the cache and is collected with it.
  const shared = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

  const runShared = (event: object, key: string, run: () => Promise<ExecutionResult>) => {
    let perEvent = shared.get(event);
    if (!perEvent) {
      perEvent = new Map();
      shared.set(event, perEvent);
    }
    let result = perEvent.get(key);
    if (!result) {
      result = run();
      perEvent.set(key, result);
    }
    return result;
  };

  const subscribe = async (args: ExecutionArgs) => {
    const variables = (args.variableValues ?? {}) as Record<string, unknown>;
    const context = args.contextValue as RouterContext;
    try {
      const subscription = subscriptionAsQuery(args.schema, args.document, args.operationName, variables);
      const route = subscriptionRoutes[subscription.fieldName];
      if (!route) throw new GraphQLError(`Subscription ${subscription.fieldName} is not served by this router`);
      const query = print(subscription.toQuery(route.queryField));
      const key = JSON.stringify([query, variables, args.operationName ?? null, viewerKey(context)]);
      return eventStream<unknown, ExecutionResult>({
        listen: (onEvent) => options.pubsub.subscribe(route.topic(subscription.args), onEvent),
        run: (event) => {
          const run = () => options.execute({ query, variables, operationName: args.operationName ?? undefined }, context);
          return typeof event === 'object' && event !== null ? runShared(event, key, run) : run();
        },
      });
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      throw error;
    }
  };

  // Per connection (graphql-ws' ctx lives as long as its socket).
  const connections = new WeakMap<object, RouterContext>();
  const server = useServer<Record<string, unknown> | undefined, { socket: WebSocket; request: IncomingMessage }>(
    {
      schema: () => options.apiSchema(),
      onConnect: async (ctx) => {
        const { socket, request } = ctx.extra;
        try {
          const { context, expiresAt } = await options.connect(ctx.connectionParams, request);
          connections.set(ctx, context);
          if (expiresAt) {
            // The token proved who this is until it expires; then the client reconnects with a new one.
            const timer = setTimeout(
              () => socket.close(CLOSE_TOKEN_EXPIRED, 'Forbidden: the access token has expired; reconnect with a fresh one'),
              Math.min(Math.max(0, expiresAt * 1000 - Date.now()), 2 ** 31 - 1),
            );
            socket.once('close', () => clearTimeout(timer));
          }
          return true;
        } catch (error) {
          if (!(error instanceof AuthenticationRefused)) throw error;
          // Closed here with our own code and reason; graphql-ws' own "Forbidden" close then finds it closing.
          if (error.status === 401) socket.close(CLOSE_UNAUTHORIZED, `Unauthorized: ${error.publicMessage}`);
          else socket.close(CLOSE_UNAVAILABLE, error.publicMessage);
          return false;
        }
      },
      context: (ctx) => {
        const context = connections.get(ctx);
        if (!context) throw new Error('subscription context requested before the connection was authenticated');
        return context;
      },
      execute: async (args: ExecutionArgs) =>
        options.execute(
          {
            query: print(args.document),
            variables: (args.variableValues ?? {}) as Record<string, unknown>,
            operationName: args.operationName ?? undefined,
          },
          args.contextValue as RouterContext,
        ),
      subscribe,
      onError: (_ctx, _id, _payload, errors) => {
        options.logger.debug({ errors }, 'subscription error');
      },
    },
    wsServer,
  );
  return {
    close: async () => {
      await server.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
