import Link from 'next/link';

/**
 * Shown, with status 404, for a URL that matches no page, and for any page
 * that calls `notFound()` without a not-found page of its own (a run the API
 * does not know, say).
 */
export default function NotFound() {
  return (
    <div data-testid="not-found" className="not-found">
      <h1>Not found</h1>
      <p>There is nothing at this address: the sweep or run may have been deleted, or the link is wrong.</p>
      <p>
        <Link href="/">Back to all sweeps</Link>
      </p>
    </div>
  );
}
