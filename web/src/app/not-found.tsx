import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="narrow">
      <h1>Not found</h1>
      <p>
        There is nothing here, or it is not visible to you. <Link href="/">Back to the start page</Link>
      </p>
    </section>
  );
}
