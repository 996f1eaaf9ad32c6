import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, isObjectType } from 'graphql';
import { gql } from 'graphql-tag';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { AuthChecker, NonEmptyArray } from 'type-graphql';
import { viewerAuthChecker } from './authorization';
import { validateArgs } from './validate-args';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@external", "@requires", "@provides", "@shareable", "@inaccessible"])';

export interface FederatedSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name. */
  references?: Record<string, (reference: { id: string }, context: never) => unknown>;
  /** Decides `@Authorized(...)` fields. Default viewerAuthChecker (kinds and scopes of the context's viewer). */
  authChecker?: AuthChecker<any>;
}

/**
 * type-graphql only accepts `@Subscription` resolvers with a pubSub, but a subgraph never executes
 * subscriptions (the router serves them): a subgraph declares them as a plain `Subscription` object
 * type, made the subscription root here so the SDL says so.
 */
function withSubscriptionRoot(schema: GraphQLSchema): GraphQLSchema {
  const declared = schema.getType('Subscription');
  if (schema.getSubscriptionType() || !isObjectType(declared)) return schema;
  return new GraphQLSchema({ ...schema.toConfig(), subscription: declared });
}

/** A Federation 2 subgraph schema from type-graphql resolvers, plus its SDL for composition. */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<{ schema: GraphQLSchema; sdl: string }> {
  const typeGraphqlSchema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    skipCheck: true,
    validateFn: validateArgs,
    authChecker: options.authChecker ?? viewerAuthChecker,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(withSubscriptionRoot(typeGraphqlSchema))}`;
  const resolvers = createResolversMap(typeGraphqlSchema) as GraphQLResolverMap<unknown>;
  for (const [typename, resolveReference] of Object.entries(options.references ?? {})) {
    resolvers[typename] = { ...(resolvers[typename] as object), __resolveReference: resolveReference } as never;
  }
  const schema = buildSubgraphSchema({ typeDefs: gql(sdl), resolvers });
  return { schema, sdl };
}
