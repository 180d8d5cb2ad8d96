'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';

import { hasApiErrorCode } from '@/graphql';
import { useHydrated } from '@/lib/use-hydrated';

import { ErrorNotice } from '../../../_components/error-notice';
import { buildGridModel, pickSelectedRun } from './grid-model';
import { RunPanel } from './run-panel';
import { SweepGrid } from './sweep-grid';
import { SweepHeader } from './sweep-header';
import { useLiveSweep } from './use-live-sweep';

/** Props of {@link SweepView}. */
export interface SweepViewProps {
  sweepId: string;
}

/** A sweep's page body: header, live grid, and the selected run's curves. */
export function SweepView({ sweepId }: SweepViewProps) {
  const hydrated = useHydrated();
  const { result, liveEpochs, refetch } = useLiveSweep(sweepId, !hydrated);
  const [selectedRunId, setSelectedRunId] = useState<string | null>(null);
  const sweep = result.data?.sweep;
  const grid = useMemo(() => (sweep ? buildGridModel(sweep) : undefined), [sweep]);

  // An id the API cannot parse (ids are integers) comes back as an error, not null.
  const unknownId = result.error !== undefined && hasApiErrorCode(result.error, 'NOT_FOUND', 'BAD_USER_INPUT');
  if (result.data === undefined && !unknownId) {
    if (result.error !== undefined) return <ErrorNotice action="load the sweep" error={result.error} onRetry={refetch} />;
    return <p className="muted">Loading sweep…</p>;
  }
  if (sweep === null || sweep === undefined || grid === undefined) {
    return (
      <div data-testid="not-found">
        <h1>Sweep not found</h1>
        <p>
          No sweep has the id <code>{sweepId}</code>. <Link href="/">Back to all sweeps</Link>
        </p>
      </div>
    );
  }

  const selected = pickSelectedRun(grid, selectedRunId);
  return (
    <>
      <SweepHeader sweep={sweep} />
      {result.error !== undefined && <ErrorNotice action="refresh the sweep" error={result.error} onRetry={refetch} />}
      {grid.runs.length === 0 ? (
        <p className="muted">This sweep has no runs.</p>
      ) : (
        <SweepGrid grid={grid} totalEpochs={sweep.epochs} selectedRunId={selected?.id} onSelect={setSelectedRunId} />
      )}
      {selected !== undefined ? (
        <RunPanel key={selected.id} run={selected} totalEpochs={sweep.epochs} liveEpochs={liveEpochs} pause={!hydrated} />
      ) : (
        grid.runs.length > 0 && <p className="muted">No run has finished an epoch yet; its loss curves appear here.</p>
      )}
    </>
  );
}
