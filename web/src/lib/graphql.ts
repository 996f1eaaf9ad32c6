import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** The router, as seen from the Next.js server. */
export const GRAPHQL_URL = process.env['GAMETRIGGERS_GRAPHQL_URL'] ?? 'http://127.0.0.1:4000/graphql';

export class GraphQLRequestError extends Error {
  constructor(readonly errors: { message: string; extensions?: Record<string, unknown> }[]) {
    super(errors.map((error) => error.message).join('; '));
  }
}

/** Runs a typed operation against the router from a server component; no caching (live data). */
export async function request<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await fetch(GRAPHQL_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
    cache: 'no-store',
  });
  const body = (await response.json()) as { data?: TResult; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  if (body.errors?.length && !body.data) throw new GraphQLRequestError(body.errors);
  return body.data as TResult;
}
