import type { Metadata } from 'next';
import Link from 'next/link';

import { RunsTable } from '../_components/runs-table/runs-table';

export const metadata: Metadata = { title: 'Runs' };

/**
 * Every sweep's runs in one table: sorted, filtered and searched by the API, with runs
 * selected for Compare; the view is kept in the URL.
 */
export default function RunsPage() {
  return (
    <>
      <nav aria-label="Breadcrumbs" className="breadcrumb">
        <Link href="/">All sweeps</Link> / All runs
      </nav>
      <h1>Runs</h1>
      <RunsTable renderedAt={Date.now()} />
    </>
  );
}
