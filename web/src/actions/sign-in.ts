'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignInAdminDocument, SignInBrandDocument, SignInStreamerDocument } from '@/gql/graphql';
import { callRouter, findError, RouterUnavailableError } from '@/lib/graphql';
import { secureCookies, sessionCookies, writeCookies } from '@/lib/session/cookies';
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
  const refused = await attemptSignIn(kind, form);
  return { ...refused, attempt: (previous.attempt ?? 0) + 1 };
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
  writeCookies(await cookies(), sessionCookies(result.data.signIn, secureCookies(requestHeaders)));
  redirect(safeNext(String(form.get('next') ?? '')) ?? homeOf(kind));
}
