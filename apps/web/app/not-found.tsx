import Link from 'next/link';

/** Shown for URLs that match no page. */
export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <Link href="/">Back to all sweeps</Link>
      </p>
    </>
  );
}
