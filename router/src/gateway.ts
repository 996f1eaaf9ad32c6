import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ANONYMOUS, VIEWER_HEADER } from '@gametriggers/auth';
import type { InternalAuth } from '@gametriggers/auth';
import { GraphQLError } from 'graphql';
import type { GraphQLSchema } from 'graphql';
import type { RouterContext } from './context';

export interface RouterGateway {
  gateway: ApolloGateway;
  /** The current client-facing schema (set once the gateway has loaded). */
  apiSchema: () => GraphQLSchema;
  /** Subgraph name -> URL, as routed. */
  subgraphUrls: () => Record<string, string>;
}

/** Fetches from one subgraph; a subgraph that cannot be reached becomes a tagged, masked error. */
class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor(
    private readonly subgraphName: string,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<RouterContext>>[0],
  ) {
    super(config);
  }

  override async process(options: Parameters<RemoteGraphQLDataSource<RouterContext>['process']>[0]) {
    try {
      return await this.fetchOnce(options);
    } catch (error) {
      // A pooled connection the subgraph closed (idle) just as this fetch reused it: the request
      // never got an answer. A query only reads, so it is sent once more, on a fresh connection; a
      // mutation is never sent twice by the router.
      if (!isConnectionReset(error) || isMutation(options.request.query)) throw error;
      return this.fetchOnce(options);
    }
  }

  private async fetchOnce(options: Parameters<RemoteGraphQLDataSource<RouterContext>['process']>[0]) {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      throw new GraphQLError(`The ${this.subgraphName} subgraph is unavailable`, {
        // `cause` is for the router's log only (not a public extension: see format-error.ts).
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraphName, cause: errorCode(error) },
        originalError: error as Error,
      });
    }
  }
}

/** The system error code of a failed fetch (ECONNREFUSED, ECONNRESET, ...), or its message. */
function errorCode(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? code : String(message);
}

const RESET = new Set(['ECONNRESET', 'EPIPE']);

function isConnectionReset(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions['code'] !== 'SUBGRAPH_UNAVAILABLE') return false;
  const cause = String(error.extensions['cause']);
  return RESET.has(cause) || cause.includes('socket hang up');
}

const isMutation = (query: string | undefined) => /^\s*mutation\b/.test(query ?? '');

/**
 * A gateway over a fixed supergraph SDL (routing URLs overridable per subgraph). Every subgraph
 * fetch carries the request's viewer, signed once per request (VIEWER_HEADER), the client's
 * address (x-forwarded-for) and the few client headers passed on; nothing else of the client's.
 */
export function createGateway(supergraphSdl: string, internalAuth: InternalAuth, urlOverrides: Record<string, string> = {}): RouterGateway {
  let apiSchema: GraphQLSchema | undefined;
  const urls: Record<string, string> = {};
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url: routingUrl }) => {
      const url = urlOverrides[name] ?? routingUrl;
      if (url) urls[name] = url;
      return new SubgraphDataSource(name, {
        url,
        willSendRequest: async ({ request, context }) => {
          const headers = request.http?.headers;
          if (!headers) return;
          for (const [header, value] of Object.entries(context.headers ?? {})) headers.set(header, String(value));
          // Only requests of the router's own (never a client's) lack a context: they go as anonymous.
          headers.set(VIEWER_HEADER, await (context.internalToken ? context.internalToken() : internalAuth.sign(ANONYMOUS)));
          if (context.clientAddress) headers.set('x-forwarded-for', context.clientAddress);
        },
      });
    },
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
  });
  return {
    gateway,
    apiSchema: () => {
      if (!apiSchema) throw new Error('the gateway has not loaded its schema yet');
      return apiSchema;
    },
    subgraphUrls: () => ({ ...urls }),
  };
}
