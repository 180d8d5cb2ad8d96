'use client';

import { useMemo, useState } from 'react';

import { useUrlState } from '@/lib/use-url-state';

import { ErrorNotice } from '../error-notice';
import { buildCurveCharts, type CurveRun } from './build-curve-charts';
import { CurveChart } from './curve-chart';
import { CurveControls } from './curve-controls';
import { trainingSetSizeOf, X_AXIS_NAMES } from './curve-x-axis';
import { curvesUrlState } from './curves-url-state';
import { RunFeeds } from './run-feeds';
import styles from './run-curves.module.css';
import type { RunFeed } from './use-run-feed';

/** Props of {@link RunCurves}. */
export interface RunCurvesProps {
  /** Runs to draw, from any sweeps; their colours follow this order. */
  runIds: readonly string[];
}

function toCurveRun(feed: RunFeed): CurveRun | null {
  const { run, sweep } = feed;
  if (run === undefined || run === null) return null;
  return {
    runId: run.id,
    sweepId: run.sweepId,
    batchSize: run.batchSize,
    learningRate: run.learningRate,
    repeat: run.repeat,
    trainingSet: sweep === undefined ? undefined : sweep === null ? null : trainingSetSizeOf(sweep),
    epochs: feed.epochs,
  };
}

function CurvesPanel({ feeds }: { feeds: readonly RunFeed[] }) {
  const [values, setValues] = useUrlState(curvesUrlState);
  const [smoothingDraft, setSmoothingDraft] = useState<number | null>(null);
  const smoothing = smoothingDraft ?? values.smoothing;
  const runs = useMemo(() => feeds.map(toCurveRun).filter((run) => run !== null), [feeds]);
  const charts = useMemo(
    () => buildCurveCharts(runs, { xAxis: values.xaxis, smoothing, combineRepeats: values.combine, logLoss: values.logloss }),
    [runs, values.xaxis, smoothing, values.combine, values.logloss],
  );

  const loading = feeds.some((feed) => feed.run === undefined && feed.error === undefined);
  const missing = feeds.filter((feed) => feed.run === null).map((feed) => feed.runId);
  const failed = feeds.filter((feed) => feed.error !== undefined && feed.run === undefined);
  const noEpochs = runs.length > 0 && runs.every((run) => run.epochs.length === 0);

  return (
    <>
      <CurveControls values={values} onChange={setValues} onSmoothingDraft={setSmoothingDraft} />
      {failed.map((feed) => feed.error && <ErrorNotice key={feed.runId} action={`load run ${feed.runId}`} error={feed.error} onRetry={feed.refetch} />)}
      {missing.length > 0 && (
        <p className="notice" data-testid="curves-missing">
          No run has the id {missing.map((id) => `“${id}”`).join(', ')}: nothing is drawn for {missing.length === 1 ? 'it' : 'them'}.
        </p>
      )}
      <div className={styles.charts}>
        <CurveChart model={charts.loss} xAxis={values.xaxis} logLoss={values.logloss} smoothing={smoothing} />
        <CurveChart model={charts.accuracy} xAxis={values.xaxis} logLoss={values.logloss} smoothing={smoothing} />
        {charts.noiseScale !== null && <CurveChart model={charts.noiseScale} xAxis={values.xaxis} logLoss={values.logloss} smoothing={smoothing} />}
      </div>
      {loading && (
        <p className="muted" role="status">
          Loading curves…
        </p>
      )}
      {!loading && noEpochs && <p className="muted">No epoch has finished yet: the curves grow here as each one lands.</p>}
      {charts.omitted.length > 0 && (
        <ul className={styles.omitted} data-testid="curves-omitted">
          {charts.omitted.map(({ runId, reason }) => (
            <li key={runId}>
              Run {runId} is not drawn against {X_AXIS_NAMES[values.xaxis].toLowerCase()}: {reason}.
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * Training and validation curves of any runs, even from different sweeps,
 * overlaid: a loss chart and an accuracy chart (train solid, validation
 * dashed, one Okabe–Ito colour per run), against epochs, optimizer steps,
 * images seen or training time, with a log scale for loss, EMA smoothing and
 * repeats of a cell combined into mean ± 1 sd. The controls live in the URL
 * (`xaxis`, `logloss`, `smoothing`, `combine`). Each run is loaded and kept
 * live on its own (`runEpochs`), new points appended as they land.
 */
export function RunCurves({ runIds }: RunCurvesProps) {
  return (
    <section className={styles.curves} aria-label="Curves" data-testid="run-curves">
      {runIds.length === 0 ? <p className="muted">No runs to draw.</p> : <RunFeeds runIds={runIds}>{(feeds) => <CurvesPanel feeds={feeds} />}</RunFeeds>}
    </section>
  );
}
