import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
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
      return await super.process(options);
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      throw new GraphQLError(`The ${this.subgraphName} subgraph is unavailable`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.subgraphName },
        originalError: error as Error,
      });
    }
  }
}

/** A gateway over a fixed supergraph SDL (routing URLs overridable per subgraph) that forwards the request's identity headers to subgraphs. */
export function createGateway(supergraphSdl: string, urlOverrides: Record<string, string> = {}): RouterGateway {
  let apiSchema: GraphQLSchema | undefined;
  const urls: Record<string, string> = {};
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url: routingUrl }) => {
      const url = urlOverrides[name] ?? routingUrl;
      if (url) urls[name] = url;
      return new SubgraphDataSource(name, {
        url,
        willSendRequest: ({ request, context }) => {
          for (const [header, value] of Object.entries(context.headers ?? {})) request.http?.headers.set(header, String(value));
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
