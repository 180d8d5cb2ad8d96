import { CombinedError } from '@urql/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ErrorCode } from '@sweepscope/core';

import { hasApiErrorCode, SweepQuery, type SweepQueryData } from '@/graphql';
import { describeApiFailure } from '@/graphql/describe-api-failure';
import { fetchOnServer } from '@/graphql/fetch-on-server';

import { SweepView } from './_components/sweep-view';

/** Props Next.js passes to this page. */
export interface SweepPageProps {
  params: Promise<{ id: string }>;
}

/**
 * Reads the sweep once per request (the metadata and the page share it).
 * Returns `{ sweep: null }` for an id the API does not know or cannot read,
 * and null when the API could not be asked: the client then tries itself.
 */
const loadSweep = cache(async (id: string): Promise<SweepQueryData | null> => {
  try {
    return await fetchOnServer(SweepQuery, { id });
  } catch (error) {
    if (!(error instanceof CombinedError)) throw error;
    // Ids are integers: the API refuses one it cannot parse rather than answering null.
    if (hasApiErrorCode(error, ErrorCode.NotFound, ErrorCode.BadUserInput)) return { sweep: null };
    console.error(`sweepscope-web: could not read sweep ${id} for the first paint: ${describeApiFailure(error)}`);
    return null;
  }
});

/** The page's title: the sweep's name (the read is shared with the page). */
export async function generateMetadata({ params }: SweepPageProps): Promise<Metadata> {
  const { id } = await params;
  const initial = await loadSweep(id);
  return { title: initial?.sweep?.name ?? 'Sweep' };
}

/**
 * One sweep: its header, progress and actions, the live heatmap and the
 * selected runs with their curves. The first HTML already holds the grid
 * (with the metric, overlays and selection the URL asks for, which the client
 * component reads from the search params); an unknown sweep is a 404.
 */
export default async function SweepPage({ params }: SweepPageProps) {
  const { id } = await params;
  const initial = await loadSweep(id);
  if (initial !== null && initial.sweep === null) notFound();
  return <SweepView sweepId={id} initial={initial} renderedAt={Date.now()} />;
}
