import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { CompositionError, composeSupergraph } from './compose';

const link = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])';

describe('composeSupergraph', () => {
  it('composes Federation 2 subgraphs into a supergraph and the client-facing API schema', () => {
    const { supergraphSdl, apiSchema } = composeSupergraph([
      {
        name: 'brand',
        url: 'http://brand/graphql',
        sdl: `${link} type Brand @key(fields: "id") { id: ID! name: String! } type Query { brand(id: ID!): Brand }`,
      },
      {
        name: 'campaign',
        url: 'http://campaign/graphql',
        sdl: `${link} type Brand @key(fields: "id") { id: ID! campaigns: [String!]! } type Query { campaignCount: Int! }`,
      },
    ]);
    expect(supergraphSdl).toContain('join__graph(name: "brand", url: "http://brand/graphql")');
    expect(Object.keys(apiSchema.getQueryType()!.getFields()).sort()).toEqual(['brand', 'campaignCount']);
    expect(Object.keys((apiSchema.getType('Brand') as GraphQLObjectType).getFields()).sort()).toEqual(['campaigns', 'id', 'name']);
    expect(apiSchema.getType('join__Graph')).toBeUndefined(); // federation internals stay out of the client schema
  });

  it('fails with the composition messages when subgraphs disagree', () => {
    const compose = () =>
      composeSupergraph([
        { name: 'a', url: 'http://a/graphql', sdl: `${link} type Query { total: Int! }` },
        { name: 'b', url: 'http://b/graphql', sdl: `${link} type Query { total: String! }` },
      ]);
    expect(compose).toThrow(CompositionError);
    try {
      compose();
    } catch (error) {
      expect((error as CompositionError).messages.join('\n')).toMatch(/total/);
      expect((error as CompositionError).message).toMatch(/^Supergraph composition failed:/);
    }
  });
});
