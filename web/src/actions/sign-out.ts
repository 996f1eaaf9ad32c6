'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignOutDocument } from '@/gql/graphql';
import { callRouter } from '@/lib/graphql';
import { readClaims } from '@/lib/session/claims';
import { ACCESS_COOKIE, clearedCookies, secureCookies, writeCookies } from '@/lib/session/cookies';
import { signInPath } from '@/lib/session/paths';
import { clientHeadersOf } from '@/lib/session/session';

/**
 * Ends the session at identity (its refresh tokens stop working at once) and clears the cookies,
 * whatever identity answered: the browser is signed out either way. A server action, so another site
 * cannot sign anyone out.
 */
export async function signOut(): Promise<void> {
  const store = await cookies();
  const requestHeaders = await headers();
  const accessToken = store.get(ACCESS_COOKIE)?.value;
  const claims = readClaims(accessToken);
  if (accessToken) {
    try {
      const result = await callRouter(SignOutDocument, {}, { accessToken, client: clientHeadersOf(requestHeaders) });
      if (!result.data?.signOut) console.warn('signOut was not confirmed', result.errors);
    } catch (error) {
      console.warn('signOut failed', error);
    }
  }
  writeCookies(store, clearedCookies(secureCookies(requestHeaders)));
  redirect(claims ? `${signInPath(claims.kind)}?reason=signed-out` : '/');
}
