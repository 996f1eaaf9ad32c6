'use client';

/** Anything a page could not recover from (e.g. the router is down): say so, offer a retry. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="notice notice-error" role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be loaded right now. Try again in a moment.</p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          Try again
        </button>
      </p>
    </section>
  );
}
