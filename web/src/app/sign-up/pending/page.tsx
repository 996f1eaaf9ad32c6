import Link from 'next/link';
import { RegistrationDocument } from '@/gql/graphql';
import { AutoRefresh } from '@/components/auto-refresh';
import { query } from '@/lib/query';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Your registration · GameTriggers' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Follows a sign-up: the account is created PENDING and becomes ACTIVE once the brand or streamer
 * exists (another subgraph creates it, asynchronously), or FAILED with the reason.
 */
export default async function RegistrationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const accountId = typeof params['account'] === 'string' && UUID.test(params['account']) ? params['account'] : undefined;
  const kind = params['kind'] === 'streamer' ? 'streamer' : 'brand';
  const registration = accountId ? await query(undefined, RegistrationDocument, { accountId }, { publicPage: true }) : undefined;
  const found = registration?.ok ? registration.data.registration : null;
  if (!found) {
    return (
      <div className="narrow">
        <h1>Registration not found</h1>
        <p>
          This link does not name a registration. <Link href={`/${kind}/sign-up`}>Sign up</Link> or{' '}
          <Link href={`/${kind}/sign-in`}>sign in</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Your registration</h1>
      {found.status === 'PENDING' ? (
        <div className="notice" role="status" aria-live="polite">
          <p>
            <strong>Setting up your account…</strong>
          </p>
          <p>We are creating your {kind} profile. This page updates by itself; it usually takes a few seconds.</p>
          <p>
            <Link href={`/sign-up/pending?kind=${kind}&account=${found.accountId}`}>Check again</Link>
          </p>
          <AutoRefresh seconds={2} />
        </div>
      ) : null}
      {found.status === 'ACTIVE' ? (
        <div className="notice notice-ok" role="status">
          <p>
            <strong>Your account is ready.</strong>
          </p>
          <p>
            <Link href={`/${kind}/sign-in`} className="button">
              Sign in
            </Link>
          </p>
        </div>
      ) : null}
      {found.status === 'FAILED' ? (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>Your registration was refused.</strong>
          </p>
          <p>{found.reason ?? 'The profile could not be created.'}</p>
          <p>
            <Link href={`/${kind}/sign-up`}>Sign up again</Link> (your email is free to use again).
          </p>
        </div>
      ) : null}
    </div>
  );
}
