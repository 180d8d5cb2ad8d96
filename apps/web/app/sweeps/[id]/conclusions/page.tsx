import { CombinedError } from '@urql/core';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ErrorCode } from '@sweepscope/core';

import { getEnv } from '@/env';
import { hasApiErrorCode } from '@/graphql';
import { ConclusionsQuery, type ConclusionsQueryData } from '@/graphql/conclusions.query';
import { describeApiFailure } from '@/graphql/describe-api-failure';
import { fetchOnServer } from '@/graphql/fetch-on-server';

import { ConclusionsView } from './_components/conclusions-view';
import { buildDownloadUrls } from '@/lib/build-download-urls';

/** Props Next.js passes to this page. */
export interface ConclusionsPageProps {
  params: Promise<{ id: string }>;
}

/**
 * Reads the conclusions once per request (the metadata and the page share it).
 * Returns `{ sweep: null, conclusions: null }` for an id the API does not know
 * or cannot read, and null when the API could not be asked: the client then
 * tries itself.
 */
const loadConclusions = cache(async (id: string): Promise<ConclusionsQueryData | null> => {
  try {
    return await fetchOnServer(ConclusionsQuery, { id });
  } catch (error) {
    if (!(error instanceof CombinedError)) throw error;
    // Ids are integers: the API refuses one it cannot parse rather than answering null.
    if (hasApiErrorCode(error, ErrorCode.NotFound, ErrorCode.BadUserInput)) return { sweep: null, conclusions: null };
    console.error(`sweepscope-web: could not read the conclusions of sweep ${id} for the first paint: ${describeApiFailure(error)}`);
    return null;
  }
});

/** The tab's title: `Conclusions: <sweep name> · Sweepscope`. */
export async function generateMetadata({ params }: ConclusionsPageProps): Promise<Metadata> {
  const { id } = await params;
  const initial = await loadConclusions(id);
  return { title: initial?.sweep ? `Conclusions: ${initial.sweep.name}` : 'Conclusions' };
}

/**
 * What a sweep's data supports: rankings, the best learning rate per batch
 * size against the scaling rules, overfitting, speed, failures, repeats and
 * the reference study. The first HTML holds it all; an unknown sweep is a 404.
 */
export default async function ConclusionsPage({ params }: ConclusionsPageProps) {
  const { id } = await params;
  const initial = await loadConclusions(id);
  if (initial !== null && initial.sweep === null) notFound();
  const { apiUrl } = getEnv();
  return <ConclusionsView sweepId={id} initial={initial} exportUrls={buildDownloadUrls(apiUrl, id)} />;
}
