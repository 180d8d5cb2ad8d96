'use client';

import Link from 'next/link';
import { useMutation } from 'urql';

import { EpochFieldsFragment, readFragment, RunOverviewFragment, SweepSettingsFragment, UpdateRunMutation, type RunStatus } from '@/graphql';
import { compareHref } from '@/lib/compare-href';
import { formatLearningRate } from '@/lib/format';
import { useHydrated } from '@/lib/use-hydrated';
import { useNow } from '@/lib/use-now';
import { useUrlState } from '@/lib/use-url-state';

import { AnnotationsEditor } from '../../../_components/annotations/annotations-editor';
import { ErrorNotice } from '../../../_components/error-notice';
import { GoneNotice, LoadingNotice } from '../../../_components/page-states';
import { RunActions } from '../../../_components/run-actions/run-actions';
import { RunCurves } from '../../../_components/run-curves/run-curves';
import { StatusBadge } from '../../../_components/status-badge';
import { AttemptPicker } from './attempt-picker';
import { describeRunEnding } from './describe-run-ending';
import { EpochTable } from './epoch-table';
import { InterruptionList } from './interruption-list';
import type { RunPageInitial } from './run-page-data';
import { runPageUrlState } from './run-page-url-state';
import { RunSettings } from './run-settings';
import { useLiveRun } from './use-live-run';
import styles from '../run-page.module.css';

/** Props of {@link RunView}. */
export interface RunViewProps {
  runId: string;
  /** What the server read for the first paint; null when it could not (the client loads it). */
  initial: RunPageInitial | null;
  /** When the server rendered, in milliseconds since the epoch, so ages hydrate unchanged. */
  renderedAt: number;
}

/** Why the run ended before its last epoch: a failure, a divergence, early stopping or the pruner. */
function RunReason({ status, reason }: { status: RunStatus; reason: string }) {
  const { heading, className } = describeRunEnding(status);
  return (
    <div className={className} data-testid="run-error">
      <p>
        <strong>{heading}:</strong> {reason}
      </p>
    </div>
  );
}

/** How often the heartbeat's age is redrawn, in milliseconds. */
const AGE_REFRESH_MS = 5_000;

/**
 * A run's page body: where it belongs, its status with Cancel or Retry, its
 * tags and notes (editable unless its sweep is read-only), its settings, its curves, and the epoch table of the chosen attempt, all kept
 * live while it trains.
 */
export function RunView({ runId, initial, renderedAt }: RunViewProps) {
  const hydrated = useHydrated();
  const [{ attempt: picked }, setPage] = useUrlState(runPageUrlState);
  const live = useLiveRun(runId, picked, !hydrated, initial);
  const now = useNow(renderedAt, AGE_REFRESH_MS);
  const [, updateRun] = useMutation(UpdateRunMutation);

  if (live.run === undefined) {
    if (live.error !== undefined) return <ErrorNotice action="load the run" error={live.error} onRetry={live.refetch} />;
    return <LoadingNotice what="run" />;
  }
  if (live.run === null) {
    // The server page answers 404 for an unknown id; this is a run deleted while open.
    return <GoneNotice kind="Run" id={runId} />;
  }

  const run = readFragment(RunOverviewFragment, live.run);
  const sweep = live.sweep === undefined ? undefined : live.sweep === null ? null : readFragment(SweepSettingsFragment, live.sweep);
  const epochs = readFragment(EpochFieldsFragment, live.run.epochs);
  const shownAttempt = picked === 0 || picked > run.attempt ? run.attempt : picked;
  const sweepHref = `/sweeps/${encodeURIComponent(run.sweepId)}`;

  return (
    <>
      <header>
        {/* The cell's crumb opens the sweep with this run selected: its cell outlined, its row and curves below the grid. */}
        <nav aria-label="Breadcrumbs" className="breadcrumb">
          <Link href="/">All sweeps</Link> / <Link href={sweepHref}>{sweep?.name ?? `Sweep ${run.sweepId}`}</Link> /{' '}
          <Link href={`${sweepHref}?runs=${encodeURIComponent(run.id)}`} data-testid="run-cell-link">
            batch {run.batchSize} · lr {formatLearningRate(run.learningRate)}
          </Link>
        </nav>
        <div className="page-head">
          <h1>
            Run {run.id} · batch {run.batchSize} · lr {formatLearningRate(run.learningRate)} <StatusBadge status={run.status} testId="run-status" />
          </h1>
          {!(sweep?.readOnly ?? true) && <RunActions runId={run.id} status={run.status} onChanged={live.refetch} />}
        </div>
        <AnnotationsEditor
          subject="run"
          tags={live.run.tags}
          notes={live.run.notes}
          readOnly={sweep?.readOnly ?? true}
          tagHref={(tag) => `/runs?tag=${encodeURIComponent(tag)}`}
          save={async (change) => (await updateRun({ id: run.id, input: change })).error}
        />
        <p className={styles.runLinks}>
          <Link href={compareHref([run.id])}>Compare with other runs</Link>
        </p>
      </header>
      {live.error !== undefined && <ErrorNotice action="refresh the run" error={live.error} onRetry={live.refetch} />}
      {live.run.error !== null && <RunReason status={run.status} reason={live.run.error} />}
      <RunSettings run={run} details={live.run} sweep={sweep} now={now} />
      <InterruptionList interruptions={live.run.interruptions} />
      <section aria-labelledby="run-curves-title" className="run-section">
        <h2 id="run-curves-title">Curves</h2>
        <RunCurves runIds={[run.id]} />
      </section>
      <section aria-labelledby="run-epochs-title" className="run-section">
        <h2 id="run-epochs-title">Epochs</h2>
        <AttemptPicker current={run.attempt} value={shownAttempt} onChange={(attempt) => setPage({ attempt: attempt === run.attempt ? 0 : attempt })} />
        <EpochTable epochs={epochs} attempt={shownAttempt} bestEpoch={shownAttempt === run.attempt ? (run.bestEpoch?.epoch ?? null) : null} />
      </section>
    </>
  );
}
