'use client';

import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';

import { RunEpochsQuery, type EpochFields, type RunCell } from '@/graphql';
import { formatPercent } from '@/lib/format';
import { useOnConnected } from '@/urql/connection-context';

import { ErrorNotice } from '../../../_components/error-notice';
import { StatusBadge } from '../../../_components/status-badge';
import { LossChart } from './loss-chart';
import { mergeEpochs } from './merge-epochs';

/** Props of {@link RunPanel}. */
export interface RunPanelProps {
  run: RunCell;
  /** Epochs each run of the sweep trains for. */
  totalEpochs: number;
  /** Epochs delivered live for the whole sweep; this run's are merged in. */
  liveEpochs: readonly EpochFields[];
  /** true while server rendering or hydrating. */
  pause: boolean;
}

/** The selected run: its settings, best accuracy and loss curves, extended live. */
export function RunPanel({ run, totalEpochs, liveEpochs, pause }: RunPanelProps) {
  const [result, reexecute] = useQuery({ query: RunEpochsQuery, variables: { id: run.id }, pause });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useOnConnected(refetch);

  const stored = result.data?.run?.epochs;
  const epochs = useMemo(() => mergeEpochs(run.id, stored ?? [], liveEpochs), [run.id, stored, liveEpochs]);
  const best = epochs.reduce<number | null>((acc, e) => (acc === null || e.valAccuracy > acc ? e.valAccuracy : acc), null);

  let body;
  if (result.error !== undefined && result.data === undefined) {
    body = <ErrorNotice action="load the run's epochs" error={result.error} onRetry={refetch} />;
  } else if (result.data !== undefined && result.data.run === null) {
    body = <p className="muted">Run not found.</p>;
  } else if (result.data === undefined && epochs.length === 0) {
    body = <p className="muted">Loading epochs…</p>;
  } else {
    body = <LossChart points={epochs} />;
  }

  return (
    <section className="run-panel" aria-labelledby="run-panel-title" data-testid="run-panel">
      <h2 id="run-panel-title">
        Batch {run.batchSize} · learning rate {String(run.learningRate)} <StatusBadge status={run.status} />
      </h2>
      <p className="run-facts">
        epoch {run.epochsDone}/{totalEpochs} · best validation accuracy {formatPercent(best)}
        {run.backend !== null && <> · backend {run.backend}</>}
      </p>
      {run.error !== null && <p className="notice notice-error">{run.error}</p>}
      {body}
    </section>
  );
}
