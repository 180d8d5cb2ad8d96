import { CombinedError } from '@urql/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ErrorCode } from '@sweepscope/core';

import { hasApiErrorCode, readFragment, RunOverviewFragment, RunQuery, SweepSettingsQuery } from '@/graphql';
import { describeApiFailure } from '@/graphql/describe-api-failure';
import { fetchOnServer } from '@/graphql/fetch-on-server';
import { formatLearningRate } from '@/lib/format';
import { readUrlState } from '@/lib/url-state';

import type { RunPageInitial } from './_components/run-page-data';
import { runPageUrlState } from './_components/run-page-url-state';
import { RunView } from './_components/run-view';

/** Props Next.js passes to this page. */
export interface RunPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Reads the run, then its sweep, once per request (the metadata and the page
 * share it). Returns `run: null` for an id the API does not know or cannot
 * parse, and null when the API could not be asked: the client then tries itself.
 */
const loadRun = cache(async (id: string, attempt: number): Promise<RunPageInitial | null> => {
  try {
    const { run } = await fetchOnServer(RunQuery, { id, attempt: attempt === 0 ? null : attempt });
    if (run === null) return { run: null, sweep: null, attempt };
    const { sweep } = await fetchOnServer(SweepSettingsQuery, { id: readFragment(RunOverviewFragment, run).sweepId });
    return { run, sweep, attempt };
  } catch (error) {
    if (!(error instanceof CombinedError)) throw error;
    // Ids are integers: the API refuses one it cannot parse rather than answering null.
    if (hasApiErrorCode(error, ErrorCode.NotFound, ErrorCode.BadUserInput)) return { run: null, sweep: null, attempt };
    console.error(`sweepscope-web: could not read run ${id} for the first paint: ${describeApiFailure(error)}`);
    return null;
  }
});

/** The page's title: the run and its cell. */
export async function generateMetadata({ params, searchParams }: RunPageProps): Promise<Metadata> {
  const { id } = await params;
  const { attempt } = readUrlState(runPageUrlState, await searchParams);
  const initial = await loadRun(id, attempt);
  if (!initial?.run) return { title: `Run ${id}` };
  const run = readFragment(RunOverviewFragment, initial.run);
  return { title: `Run ${id} · batch ${run.batchSize} · lr ${formatLearningRate(run.learningRate)}` };
}

/**
 * One run: its settings, status, attempts, curves and epoch table, with
 * Cancel and Retry. The first HTML already holds the settings and the epoch
 * table; an unknown run is a 404.
 */
export default async function RunPage({ params, searchParams }: RunPageProps) {
  const { id } = await params;
  const { attempt } = readUrlState(runPageUrlState, await searchParams);
  const initial = await loadRun(id, attempt);
  if (initial !== null && initial.run === null) notFound();
  return <RunView runId={id} initial={initial} renderedAt={Date.now()} />;
}
