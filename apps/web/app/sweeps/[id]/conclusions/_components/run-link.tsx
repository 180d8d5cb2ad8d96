import Link from 'next/link';

/** Props of {@link RunLink}. */
export interface RunLinkProps {
  runId: string;
}

/** A run's id, linked to the run's own page. */
export function RunLink({ runId }: RunLinkProps) {
  return (
    <Link href={`/runs/${encodeURIComponent(runId)}`} aria-label={`Run ${runId}`}>
      {runId}
    </Link>
  );
}
