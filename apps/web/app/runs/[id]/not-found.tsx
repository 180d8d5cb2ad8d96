import Link from 'next/link';

/** Shown, with status 404, for a run id the API does not know. */
export default function RunNotFound() {
  return (
    <div data-testid="not-found" className="not-found">
      <h1>Run not found</h1>
      <p>No run has this id: its sweep may have been deleted, or the link is wrong.</p>
      <p>
        <Link href="/">Back to all sweeps</Link>
      </p>
    </div>
  );
}
