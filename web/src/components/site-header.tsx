import Link from 'next/link';
import { signOut } from '@/actions/sign-out';
import { KIND_LABEL, homeOf } from '@/lib/session/paths';
import { currentSession } from '@/lib/session/session';

/** The top bar: the product, and the viewer's own pages and sign-out, or the ways in. */
export async function SiteHeader() {
  const session = await currentSession();
  return (
    <header className="site-header">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <Link href="/" className="logo">
        GameTriggers
      </Link>
      <nav aria-label="Account">
        {session ? (
          <>
            <Link href={homeOf(session.claims.kind)}>{KIND_LABEL[session.claims.kind]} dashboard</Link>
            <form action={signOut}>
              <button type="submit" className="link-button">
                Sign out
              </button>
            </form>
          </>
        ) : (
          <>
            <Link href="/sign-in">Sign in</Link>
            <Link href="/brand/sign-up">Brands: sign up</Link>
            <Link href="/streamer/sign-up">Streamers: sign up</Link>
          </>
        )}
      </nav>
    </header>
  );
}
