'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignInAdminDocument, SignInBrandDocument, SignInStreamerDocument, SignOutDocument } from '@/gql/graphql';
import { callRouter, findError, RouterUnavailableError } from '@/lib/graphql';
import { readClaims } from '@/lib/session/claims';
import { ACCESS_COOKIE, secureCookies, sessionCookies, writeCookies } from '@/lib/session/cookies';
import { homeOf, safeNext } from '@/lib/session/paths';
import type { AccountKind } from '@/lib/session/paths';
import { clientHeadersOf } from '@/lib/session/session';

export interface SignInState {
  error?: string;
  /** What was typed, to fill the field again (never the password). */
  email?: string;
  /** Counts refusals: the password field is rendered anew (empty) after each. */
  attempt?: number;
}

const DOCUMENTS = { BRAND: SignInBrandDocument, STREAMER: SignInStreamerDocument, ADMIN: SignInAdminDocument } as const;

/**
 * Signing in over another session (e.g. a streamer signing in as a brand) replaces its cookies: end
 * that session at identity too, rather than leave its refresh token valid for days. Best effort.
 */
async function endReplacedSession(accessToken: string | undefined, requestHeaders: Headers): Promise<void> {
  if (!readClaims(accessToken)) return;
  try {
    await callRouter(SignOutDocument, {}, { accessToken, client: clientHeadersOf(requestHeaders) });
  } catch (error) {
    console.warn('could not end the replaced session', error);
  }
}

function minutes(seconds: number | undefined): string {
  const count = Math.max(1, Math.ceil((seconds ?? 60) / 60));
  return count === 1 ? '1 minute' : `${count} minutes`;
}

/**
 * Signs in with email and password (a server action: Next.js refuses it from another origin), keeps
 * the tokens in httpOnly cookies and goes to the kind's pages or to `next`. Wrong password, unknown
 * email and an account of another kind all get the same message.
 */
export async function signIn(kind: AccountKind, previous: SignInState, form: FormData): Promise<SignInState> {
  // The kind and the previous state come from the page, but any client can call the action with any values.
  const attempt = (typeof previous?.attempt === 'number' ? previous.attempt : 0) + 1;
  if (typeof kind !== 'string' || !Object.hasOwn(DOCUMENTS, kind) || !(form instanceof FormData)) {
    return { error: 'Signing in failed. Reload the page and try again.', attempt };
  }
  return { ...(await attemptSignIn(kind, form)), attempt };
}

async function attemptSignIn(kind: AccountKind, form: FormData): Promise<Omit<SignInState, 'attempt'>> {
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) return { email, error: 'Enter your email and password.' };
  const requestHeaders = await headers();
  let result;
  try {
    result = await callRouter(DOCUMENTS[kind], { input: { email, password } }, { client: clientHeadersOf(requestHeaders) });
  } catch (error) {
    if (!(error instanceof RouterUnavailableError)) throw error;
    console.warn('sign-in failed', error);
    return { email, error: 'Signing in is not available right now. Try again in a moment.' };
  }
  if (!result.data?.signIn) {
    const limited = findError(result.errors, 'RATE_LIMITED');
    if (limited) return { email, error: `Too many sign-in attempts. Try again in ${minutes(limited.extensions?.retryAfterSeconds)}.` };
    if (findError(result.errors, 'UNAUTHENTICATED')) return { email, error: 'The email or password is not correct.' };
    if (findError(result.errors, 'FORBIDDEN')) {
      return { email, error: 'This account cannot sign in right now: its registration is not complete yet, or it has been suspended.' };
    }
    console.warn('sign-in failed', result.errors);
    return { email, error: 'Signing in failed. Try again in a moment.' };
  }
  const store = await cookies();
  await endReplacedSession(store.get(ACCESS_COOKIE)?.value, requestHeaders);
  writeCookies(store, sessionCookies(result.data.signIn, secureCookies(requestHeaders)));
  redirect(safeNext(String(form.get('next') ?? '')) ?? homeOf(kind));
}
