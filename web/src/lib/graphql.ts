import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { graphqlUrl } from './config';

export { graphqlUrl, graphqlWsUrl } from './config';

export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; retryAfterSeconds?: number; field?: string } & Record<string, unknown>;
}

export interface RouterResponse<TResult> {
  /** The HTTP status: 401 when the router refused the access token itself (before any GraphQL ran). */
  status: number;
  data: TResult | null;
  errors: GraphQLErrorBody[];
}

/** What the router should know about the browser behind this server: its address and user agent. */
export interface ClientHeaders {
  'x-forwarded-for'?: string;
  'user-agent'?: string;
}

/** The router's answer could not be read (it is down, or answered something else than GraphQL). */
export class RouterUnavailableError extends Error {}

/**
 * Runs a typed operation against the router; no caching (live, per-viewer data). Never throws on
 * GraphQL errors: callers decide what UNAUTHENTICATED, FORBIDDEN and the rest mean for them.
 */
export async function callRouter<TResult, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: { accessToken?: string | undefined; client?: ClientHeaders | undefined } = {},
): Promise<RouterResponse<TResult>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const [name, value] of Object.entries(options.client ?? {})) if (value) headers[name] = value;
  if (options.accessToken) headers['authorization'] = `Bearer ${options.accessToken}`;
  let response: Response;
  try {
    response = await fetch(graphqlUrl(), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: print(document), variables }),
      cache: 'no-store',
    });
  } catch (error) {
    throw new RouterUnavailableError(`the router at ${graphqlUrl()} cannot be reached`, { cause: error });
  }
  let body: { data?: TResult | null; errors?: GraphQLErrorBody[] };
  try {
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new RouterUnavailableError(`the router answered HTTP ${response.status} without GraphQL`, { cause: error });
  }
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
}

/** The `extensions.code` of the first error that has this code, if any. */
export function findError(errors: GraphQLErrorBody[], code: string): GraphQLErrorBody | undefined {
  return errors.find((error) => error.extensions?.code === code);
}
