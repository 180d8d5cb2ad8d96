import { CombinedError } from '@urql/core';

import { SWEEP_LIST_SIZE, SweepsQuery } from '@/graphql';
import { describeApiFailure } from '@/graphql/describe-api-failure';
import { fetchOnServer } from '@/graphql/fetch-on-server';
import { readUrlState } from '@/lib/url-state';

import { ImportResultsPanel } from './_components/import-results/import-results-panel';
import { NewSweepForm } from './_components/new-sweep-form';
import { PanelButton } from './_components/panel-button';
import { SweepList, type SweepListInitial } from './_components/sweep-list';
import { sweepListFilters, sweepListUrlState } from './_components/sweep-list-url-state';

/** Props Next.js passes to this page. */
export interface HomePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * The Sweeps page: every sweep with its status, progress and best cell, the
 * built-in reference study apart, the New sweep form and the Import panel. The server reads
 * the list for the first paint; the client then polls it.
 */
export default async function HomePage({ searchParams }: HomePageProps) {
  const filters = sweepListFilters(readUrlState(sweepListUrlState, await searchParams));
  let initial: SweepListInitial | null = null;
  try {
    initial = { filters, data: await fetchOnServer(SweepsQuery, { ...filters, first: SWEEP_LIST_SIZE }) };
  } catch (error) {
    // The client tries again and shows why it cannot, with a Retry button.
    if (!(error instanceof CombinedError)) throw error;
    console.error(`sweepscope-web: could not read the sweeps for the first paint: ${describeApiFailure(error)}`);
  }
  return (
    <>
      <div className="page-head">
        <h1>Sweeps</h1>
        <div className="page-actions">
          <PanelButton panel="import" controls="import-panel">
            Import results
          </PanelButton>
          <PanelButton panel="new" controls="new-sweep-panel" primary>
            New sweep
          </PanelButton>
        </div>
      </div>
      <NewSweepForm />
      <ImportResultsPanel />
      <SweepList initial={initial} renderedAt={Date.now()} />
    </>
  );
}
