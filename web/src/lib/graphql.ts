import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/** The router, as seen from the Next.js server. */
export const GRAPHQL_URL = process.env['GAMETRIGGERS_GRAPHQL_URL'] ?? 'http://127.0.0.1:4000/graphql';

/**
 * The router's graphql-ws endpoint, as seen from the browser. Read on the server at request time
 * and handed to client components as a prop, so one build runs against any router (a NEXT_PUBLIC_
 * variable would be frozen into the bundle by `next build`). Defaults to the HTTP URL's own path,
 * where the router also serves graphql-ws.
 */
export function graphqlWsUrl(): string {
  return process.env['GAMETRIGGERS_WS_URL'] ?? GRAPHQL_URL.replace(/^http/, 'ws');
}

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
