import Link from 'next/link';

/** Shown while a page's data is first read in the browser, e.g. "Loading sweep…". */
export function LoadingNotice({ what }: { what: string }) {
  return (
    <p className="muted" role="status" data-testid="loading">
      Loading {what}…
    </p>
  );
}

/**
 * Shown when what a page shows has gone while it was open (deleted): the server page
 * answers 404 for an id it never found.
 */
export function GoneNotice({ kind, id }: { kind: 'Sweep' | 'Run'; id: string }) {
  return (
    <div data-testid="not-found">
      <h1>{kind} not found</h1>
      <p>
        No {kind.toLowerCase()} has the id <code>{id}</code>. <Link href="/">Back to all sweeps</Link>
      </p>
    </div>
  );
}
