import Link from 'next/link';

/** What a page shows when the graph says the viewer may not see it (FORBIDDEN). */
export function Forbidden({ message }: { message: string }) {
  return (
    <section className="notice notice-error" aria-labelledby="forbidden-heading">
      <h1 id="forbidden-heading">Not available to this account</h1>
      <p>{message}</p>
      <p>
        You are signed in, but this account may not see this page. <Link href="/">Back to the start page</Link>
      </p>
    </section>
  );
}
