import Link from 'next/link';
import { safeNext } from '@/lib/session/paths';

export const metadata = { title: 'Sign in · GameTriggers' };

/** Which kind of account: each has its own sign-in (and a person may have one of each). */
export default async function ChooseSignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNext(typeof params['next'] === 'string' ? params['next'] : undefined);
  const suffix = next ? `?next=${encodeURIComponent(next)}` : '';
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <ul className="choices">
        <li>
          <Link href={`/brand/sign-in${suffix}`}>I run campaigns for a brand</Link>
        </li>
        <li>
          <Link href={`/streamer/sign-in${suffix}`}>I stream and take part in campaigns</Link>
        </li>
        <li>
          <Link href={`/admin/sign-in${suffix}`}>I work at GameTriggers</Link>
        </li>
      </ul>
    </div>
  );
}
