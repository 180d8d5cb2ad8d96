import Link from 'next/link';

/** Shown, with status 404, for a sweep id the API does not know. */
export default function SweepNotFound() {
  return (
    <div data-testid="not-found" className="not-found">
      <h1>Sweep not found</h1>
      <p>No sweep has this id: it may have been deleted, or the link is wrong.</p>
      <p>
        <Link href="/">Back to all sweeps</Link>
      </p>
    </div>
  );
}
