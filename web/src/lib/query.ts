import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { redirect } from 'next/navigation';
import { callRouter, findError } from './graphql';
import type { GraphQLErrorBody } from './graphql';
import { signInPath } from './session/paths';
import type { AccountKind } from './session/paths';
import { clientHeaders, currentPath } from './session/session';
import type { Session } from './session/session';

export type QueryOutcome<TResult> =
  | { ok: true; data: TResult; errors: GraphQLErrorBody[] }
  /** FORBIDDEN, or UNAUTHENTICATED on a public page: the graph's message, for the page to explain. */
  | { ok: false; forbidden: string };

/** A token issued this recently and still refused will not be helped by another refresh. */
const FRESH_TOKEN_MS = 30_000;

/**
 * Runs a query for a server component as the session's viewer (`Authorization: Bearer`), or
 * anonymously without one, and deals with the graph's access errors:
 * - the router refused the token itself (HTTP 401): refresh the session and come back, or sign in
 *   again when even a fresh token is refused;
 * - UNAUTHENTICATED from a field: the page needs a signed-in viewer: to the sign-in page (of
 *   `signInAs`, else the session's kind, else the chooser), and back here afterwards;
 * - FORBIDDEN: `{ ok: false, forbidden }` with the graph's message, for the page to explain.
 * Other errors without data throw (the error page); with data, they are returned beside it.
 * `publicPage`: a page anyone may open never sends them away: UNAUTHENTICATED is returned like
 * FORBIDDEN (the page shows what it can).
 */
export async function query<TResult, TVariables extends Record<string, unknown>>(
  session: Session | undefined,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
  options: { signInAs?: AccountKind; publicPage?: boolean } = {},
): Promise<QueryOutcome<TResult>> {
  const result = await callRouter(document, variables, { accessToken: session?.accessToken, client: await clientHeaders() });
  const next = await currentPath();
  const kind = options.signInAs ?? session?.claims.kind;
  if (result.status === 401 && session) {
    if (Date.now() - session.claims.issuedAt > FRESH_TOKEN_MS) redirect(`/session/refresh?next=${encodeURIComponent(next)}`);
    redirect(`${signInPath(session.claims.kind, next)}&reason=expired`);
  }
  const unauthenticated = findError(result.errors, 'UNAUTHENTICATED');
  if (unauthenticated && options.publicPage) return { ok: false, forbidden: unauthenticated.message };
  if (unauthenticated) redirect(kind ? signInPath(kind, next) : `/sign-in?next=${encodeURIComponent(next)}`);
  const forbidden = findError(result.errors, 'FORBIDDEN');
  if (forbidden) return { ok: false, forbidden: forbidden.message };
  if (result.data === null) {
    throw new Error(`query failed: ${result.errors.map((error) => error.message).join('; ') || `HTTP ${result.status}`}`);
  }
  if (result.errors.length > 0) console.warn('partial GraphQL result', result.errors);
  return { ok: true, data: result.data, errors: result.errors };
}
