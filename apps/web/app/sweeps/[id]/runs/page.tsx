import { CombinedError } from '@urql/core';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ErrorCode } from '@sweepscope/core';

import { hasApiErrorCode, SweepOutlineQuery, type SweepOutlineQueryData } from '@/graphql';
import { describeApiFailure } from '@/graphql/describe-api-failure';
import { fetchOnServer } from '@/graphql/fetch-on-server';

import { RunsTable } from '../../../_components/runs-table/runs-table';

/** Props Next.js passes to this page. */
export interface SweepRunsPageProps {
  params: Promise<{ id: string }>;
}

/**
 * Reads the sweep's name and batch sizes once per request (the metadata and the page share
 * it). Returns `{ sweep: null }` for an id the API does not know or cannot read, and null
 * when the API could not be asked: the table then reads its runs all the same.
 */
const loadSweep = cache(async (id: string): Promise<SweepOutlineQueryData | null> => {
  try {
    return await fetchOnServer(SweepOutlineQuery, { id });
  } catch (error) {
    if (!(error instanceof CombinedError)) throw error;
    // Ids are integers: the API refuses one it cannot parse rather than answering null.
    if (hasApiErrorCode(error, ErrorCode.NotFound, ErrorCode.BadUserInput)) return { sweep: null };
    console.error(`sweepscope-web: could not read sweep ${id} for its runs page: ${describeApiFailure(error)}`);
    return null;
  }
});

/** The tab's title: `Runs: <sweep name> · Sweepscope`. */
export async function generateMetadata({ params }: SweepRunsPageProps): Promise<Metadata> {
  const { id } = await params;
  const initial = await loadSweep(id);
  return { title: initial?.sweep ? `Runs: ${initial.sweep.name}` : 'Runs' };
}

/** One sweep's runs as a table, beside its grid: sorted, filtered and searched by the API. An unknown sweep is a 404. */
export default async function SweepRunsPage({ params }: SweepRunsPageProps) {
  const { id } = await params;
  const initial = await loadSweep(id);
  if (initial !== null && initial.sweep === null) notFound();
  const name = initial?.sweep?.name ?? `Sweep ${id}`;
  return (
    <>
      <nav aria-label="Breadcrumbs" className="breadcrumb">
        <Link href="/">All sweeps</Link> / <Link href={`/sweeps/${encodeURIComponent(id)}`}>{name}</Link> / Runs ·{' '}
        <Link href={`/sweeps/${encodeURIComponent(id)}/conclusions`}>Conclusions</Link>
      </nav>
      <h1>Runs of {name}</h1>
      <RunsTable sweepId={id} batchSizes={initial?.sweep?.batchSizes ?? []} renderedAt={Date.now()} />
    </>
  );
}
