import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';
import type { RouterContext } from './context';

export interface RouterGateway {
  gateway: ApolloGateway;
  /** The current client-facing schema (set once the gateway has loaded). */
  apiSchema: () => GraphQLSchema;
  /** Subgraph name -> URL, as routed. */
  subgraphUrls: () => Record<string, string>;
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
      return new RemoteGraphQLDataSource<RouterContext>({
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
