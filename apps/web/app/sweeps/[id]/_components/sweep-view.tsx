'use client';

import { useCallback, useMemo } from 'react';
import { locateStabilityLimits, summarizeProgress } from '@sweepscope/conclusions';
import { ErrorCode } from '@sweepscope/core';

import { deriveSweepStatus, hasApiErrorCode, toCoreRunStatus, type SweepQueryData } from '@/graphql';
import { useHydrated } from '@/lib/use-hydrated';
import { useNow } from '@/lib/use-now';
import { useUrlState } from '@/lib/use-url-state';

import { ErrorNotice } from '../../../_components/error-notice';
import { GoneNotice, LoadingNotice } from '../../../_components/page-states';
import { RunCurves } from '../../../_components/run-curves/run-curves';
import { countEpochs, type LiveCell, type LiveRun } from './live/apply-sweep-events';
import { buildFrontierPath } from './overlays/build-frontier-path';
import { buildHeatmap } from './heatmap/build-heatmap';
import { PlanPanel } from './plan/plan-panel';
import { collectRecentDurations } from './progress/estimate-eta';
import { GridToolbar } from './grid/grid-toolbar';
import { OverlayNotes } from './overlays/overlay-notes';
import { buildRatioLines } from './overlays/ratio-lines';
import { SelectedRuns } from './actions/selected-runs';
import { SweepActions } from './actions/sweep-actions';
import { SweepGrid } from './grid/sweep-grid';
import { SweepHeader } from './progress/sweep-header';
import { SweepProgress } from './progress/sweep-progress';
import { sweepUrlState } from './sweep-url-state';
import { toggleSelection } from './grid/toggle-selection';
import { useLiveSweep } from './live/use-live-sweep';
import styles from './sweep-view.module.css';

/** Props of {@link SweepView}. */
export interface SweepViewProps {
  sweepId: string;
  /**
   * The sweep as the server read it for the first paint, shown until the
   * client's own first result arrives; null when the server could not read it
   * (the client then loads it, showing its loading or error state).
   */
  initial: SweepQueryData | null;
  /** When the server rendered, in milliseconds since the epoch: heartbeat ages hydrate from it. */
  renderedAt: number;
}

/** How often heartbeat ages move on, in milliseconds. */
const AGE_TICK_MS = 10_000;

/**
 * A sweep's page body: header and actions, progress with an ETA, the live
 * heatmap with its metric, legend and overlays, and the selected runs with
 * their curves. The metric, the overlays and the selection live in the URL
 * (`?metric=…&ratio=1&frontier=1&runs=…`), so a link shows the same view.
 */
export function SweepView({ sweepId, initial, renderedAt }: SweepViewProps) {
  const hydrated = useHydrated();
  const now = useNow(renderedAt, AGE_TICK_MS);
  const { result, data, grid, streamError, refetch } = useLiveSweep(sweepId, !hydrated, initial);
  // Shallow: a click must not render the server page (and read the whole sweep) again.
  const [view, setView] = useUrlState(sweepUrlState, { shallow: true });
  const sweep = data?.sweep;
  const plannedEpochs = sweep?.epochs ?? 0;

  const runs = useMemo(() => grid?.cells.flatMap((cell) => cell.runs) ?? [], [grid]);
  const runById = useMemo(() => new Map(runs.map((run) => [run.id, run])), [runs]);
  // Accuracy is coloured from chance up, so chance-level cells look alike whatever their noise.
  const chance = sweep?.classes ? 1 / sweep.classes : undefined;
  const heatmap = useMemo(() => (grid ? buildHeatmap(grid, view.metric, plannedEpochs, chance) : undefined), [grid, view.metric, plannedEpochs, chance]);
  const progress = useMemo(
    () =>
      summarizeProgress(
        runs.map((run) => ({ status: toCoreRunStatus(run.status), epochsDone: countEpochs(run) })),
        plannedEpochs,
      ),
    [runs, plannedEpochs],
  );
  const recentDurations = useMemo(() => collectRecentDurations(runs), [runs]);
  // A probe's plan is read again whenever its run stores an epoch or changes status.
  const probeVersion = sweep?.createdBy === 'plan' ? runs.map((run) => `${run.status}:${countEpochs(run)}`).join(',') : '';
  const ratioLines = useMemo(() => (view.ratio && grid ? buildRatioLines(grid.batchSizes, grid.learningRates) : []), [view.ratio, grid]);
  const frontierLimits = useMemo(
    () =>
      view.frontier && grid
        ? locateStabilityLimits(
            grid.cells.map((cell) => ({
              ...cell,
              statuses: cell.runs.map((run) => toCoreRunStatus(run.status)),
              unstable: cell.runs.some((run) => run.instability !== null),
            })),
          )
        : null,
    [view.frontier, grid],
  );
  const frontierPath = useMemo(
    () => (frontierLimits && grid ? buildFrontierPath(frontierLimits, grid.batchSizes, grid.learningRates) : null),
    [frontierLimits, grid],
  );

  const onToggle = useCallback(
    (cell: LiveCell) =>
      setView((current) => ({
        runs: toggleSelection(
          current.runs,
          cell.runs.map((run) => run.id),
        ),
      })),
    [setView],
  );
  // Ids in the URL that this sweep does not hold (a run deleted, a mistyped link) are not shown.
  const selectedRuns = view.runs.map((id) => runById.get(id)).filter((run): run is LiveRun => run !== undefined);
  // The same ids keep the same array, so the curves do not start over on every event.
  const selectedKey = selectedRuns.map((run) => run.id).join(',');
  const selectedIds = useMemo(() => (selectedKey === '' ? [] : selectedKey.split(',')), [selectedKey]);

  // An id the API cannot parse (ids are integers) comes back as an error, not null.
  const unknownId = result.error !== undefined && hasApiErrorCode(result.error, ErrorCode.NotFound, ErrorCode.BadUserInput);
  if (data === undefined && !unknownId) {
    if (result.error !== undefined) return <ErrorNotice action="load the sweep" error={result.error} onRetry={refetch} />;
    return <LoadingNotice what="sweep" />;
  }
  if (sweep === null || sweep === undefined || grid === undefined || heatmap === undefined) {
    // The server page answers 404 for an unknown id; this is a sweep deleted while open.
    return <GoneNotice kind="Sweep" id={sweepId} />;
  }

  return (
    <>
      <SweepHeader
        sweep={sweep}
        runs={progress.runs}
        diverged={progress.diverged}
        status={runs.length === 0 ? sweep.status : deriveSweepStatus(runs.map((run) => run.status))}
        onChanged={refetch}
      />
      <div className={styles.bar}>
        <SweepProgress progress={progress} recentDurationsMs={recentDurations} />
        <SweepActions sweepId={sweep.id} readOnly={sweep.readOnly} activeRuns={progress.queued + progress.running} />
      </div>
      {sweep.createdBy === 'plan' && <PlanPanel sweepId={sweep.id} probeVersion={probeVersion} />}
      {result.error !== undefined && <ErrorNotice action="refresh the sweep" error={result.error} onRetry={refetch} />}
      {streamError !== undefined && <ErrorNotice action="follow the sweep live" error={streamError} />}
      {grid.cells.length === 0 ? (
        <p className="empty" data-testid="no-runs">
          This sweep has no runs.
        </p>
      ) : (
        <>
          <GridToolbar
            metric={view.metric}
            onMetric={(metric) => setView({ metric })}
            density={view.cells}
            onDensity={(cells) => setView({ cells })}
            scale={heatmap.scale}
            ratio={view.ratio}
            onRatio={(ratio) => setView({ ratio })}
            frontier={view.frontier}
            onFrontier={(frontier) => setView({ frontier })}
          />
          <SweepGrid
            grid={grid}
            heatmap={heatmap}
            metric={view.metric}
            density={view.cells}
            plannedEpochs={plannedEpochs}
            selected={selectedIds}
            onToggle={onToggle}
            ratioLines={ratioLines}
            frontier={frontierPath}
          />
          <OverlayNotes ratioFrom={view.ratio ? (grid.batchSizes[0] ?? null) : null} ratioLines={ratioLines.length} frontier={frontierLimits} />
          <SelectedRuns runs={selectedRuns} plannedEpochs={plannedEpochs} readOnly={sweep.readOnly} now={now} onClear={() => setView({ runs: [] })} />
          {selectedIds.length > 0 && <RunCurves runIds={selectedIds} />}
        </>
      )}
    </>
  );
}
