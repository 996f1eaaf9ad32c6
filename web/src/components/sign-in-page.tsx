import Link from 'next/link';
import { redirectIfSignedIn } from '@/lib/session/session';
import { safeNext } from '@/lib/session/paths';
import type { AccountKind } from '@/lib/session/paths';
import { SignInForm } from './sign-in-form';

const TITLES: Record<AccountKind, string> = {
  BRAND: 'Sign in as a brand',
  STREAMER: 'Sign in as a streamer',
  ADMIN: 'Sign in as an admin',
};

const REASONS: Record<string, string> = {
  'signed-out': 'You are signed out.',
  expired: 'Your session has ended. Sign in again to continue.',
  kind: 'That page is for another kind of account. Sign in with it to continue.',
};

const SIGN_UP: Partial<Record<AccountKind, string>> = { BRAND: '/brand/sign-up', STREAMER: '/streamer/sign-up' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The sign-in page of one kind of account: /brand/sign-in, /streamer/sign-in, /admin/sign-in. */
export async function SignInPage({ kind, searchParams }: { kind: AccountKind; searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNext(typeof params['next'] === 'string' ? params['next'] : undefined);
  const reason = typeof params['reason'] === 'string' ? REASONS[params['reason']] : undefined;
  await redirectIfSignedIn(kind, next);
  const signUp = SIGN_UP[kind];
  return (
    <div className="narrow">
      <h1>{TITLES[kind]}</h1>
      {reason ? (
        <p className="notice" role="status">
          {reason}
        </p>
      ) : null}
      <SignInForm kind={kind} next={next} />
      {signUp ? (
        <p className="muted">
          New here? <Link href={signUp}>Create an account</Link>
        </p>
      ) : null}
      <p className="muted small">
        Not a {kind.toLowerCase()}? <Link href="/sign-in">Choose another kind of account</Link>
      </p>
    </div>
  );
}
