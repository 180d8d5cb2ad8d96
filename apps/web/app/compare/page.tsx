import type { Metadata } from 'next';
import Link from 'next/link';

import { CompareView } from './_components/compare-view';

/** The page's title. */
export const metadata: Metadata = { title: 'Compare runs' };

/**
 * Compare any runs, even from different sweeps: `/compare?runs=12,15,40`.
 * The page reads the runs in the browser (its URL changes with every control),
 * and shows their settings, results and curves side by side.
 */
export default function ComparePage() {
  return (
    <>
      <nav aria-label="Breadcrumbs" className="breadcrumb">
        <Link href="/">All sweeps</Link> / Compare
      </nav>
      <div className="page-head">
        <h1>Compare runs</h1>
      </div>
      <CompareView />
    </>
  );
}
