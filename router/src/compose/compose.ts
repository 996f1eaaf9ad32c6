import { composeServices } from '@apollo/composition';
import type { GraphQLSchema } from 'graphql';
import { parse } from 'graphql';

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

export interface Supergraph {
  supergraphSdl: string;
  /** The schema clients see (no federation internals): for subscriptions, codegen and docs. */
  apiSchema: GraphQLSchema;
}

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`Supergraph composition failed:\n${messages.map((message) => `  - ${message}`).join('\n')}`);
  }
}

/** Composes Federation 2 subgraphs in process (`@apollo/composition`, no rover binary). */
export function composeSupergraph(subgraphs: SubgraphSource[]): Supergraph {
  const result = composeServices(subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors?.length || !result.supergraphSdl || !result.schema) {
    throw new CompositionError((result.errors ?? []).map((error) => error.message));
  }
  return { supergraphSdl: result.supergraphSdl, apiSchema: result.schema.toAPISchema().toGraphQLJSSchema() };
}
