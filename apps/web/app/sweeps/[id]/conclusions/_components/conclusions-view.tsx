'use client';

import Link from 'next/link';
import { ErrorCode } from '@sweepscope/core';

import { ErrorNotice } from '../../../../_components/error-notice';
import { GoneNotice, LoadingNotice } from '../../../../_components/page-states';
import { SweepStatusBadge } from '../../../../_components/sweep-status-badge';
import { hasApiErrorCode } from '@/graphql';
import type { ConclusionsQueryData, ConclusionsSweep } from '@/graphql/conclusions.query';
import { useHydrated } from '@/lib/use-hydrated';

import type { DownloadUrls } from '@/lib/build-download-urls';
import { summarizeConclusions } from '../_lib/summarize-conclusions';
import { useLiveConclusions } from '../_lib/use-live-conclusions';
import styles from '../conclusions.module.css';
import { ConclusionsSummary } from './conclusions-summary';
import { CoverageSection } from './coverage-section';
import { OverfittingSection } from './overfitting-section';
import { RankingSection } from './ranking-section';
import { ReferenceSection } from './reference-section';
import { RepeatsSection } from './repeats-section';
import { ScalingSection } from './scaling-section';
import { SpeedSection } from './speed-section';

/** Props of {@link ConclusionsView}. */
export interface ConclusionsViewProps {
  sweepId: string;
  /** The conclusions as the server read them for the first paint; null when it could not (the client then loads them). */
  initial: ConclusionsQueryData | null;
  /** Where the API serves the sweep's epochs as CSV and JSON. */
  exportUrls: DownloadUrls;
}

function NothingFinished({ sweep }: { sweep: ConclusionsSweep }) {
  const { progress } = sweep;
  const waiting = progress.queued + progress.running;
  return (
    <div className={styles.empty} data-testid="empty">
      <h2>No run has finished yet</h2>
      <p>
        Conclusions are drawn from finished runs, and this sweep has none yet: {progress.runs} {progress.runs === 1 ? 'run' : 'runs'}, {progress.queued} queued,{' '}
        {progress.running} running, {progress.failed + progress.diverged} failed or diverged, {progress.pruned} pruned, {progress.cancelled} cancelled.
      </p>
      <p>
        What conclusions need: one run that trains all {sweep.epochs} epochs gives a ranking; two batch sizes with two learning rates each give the scaling fit;
        two finished repeats of a cell let ties be tested. This page updates by itself as runs finish.
      </p>
      {waiting > 0 && !sweep.readOnly && (
        <p>
          Runs train when a worker is running: <code>npm start</code> starts some, or{' '}
          <code>node packages/trainer/dist/cli/main.js worker --sweep {sweep.id}</code>.
        </p>
      )}
    </div>
  );
}

const SECTIONS = [
  { id: 'ranking', title: 'Ranking' },
  { id: 'scaling', title: 'Learning rate and batch size' },
  { id: 'repeats', title: 'Repeats and ties' },
  { id: 'overfitting', title: 'Overfitting' },
  { id: 'speed', title: 'Speed' },
  { id: 'coverage', title: 'Failures and coverage' },
  { id: 'reference', title: 'Reference study' },
] as const;

/**
 * A sweep's Conclusions page: its answers in short, then each topic's findings with
 * its chart or table, and the reference study beside it when the sweep holds
 * its cells. Shows the server's first paint, then keeps itself current.
 */
export function ConclusionsView({ sweepId, initial, exportUrls }: ConclusionsViewProps) {
  const hydrated = useHydrated();
  const { result, data, refetch } = useLiveConclusions(sweepId, !hydrated, initial);
  const unknownId = result.error !== undefined && hasApiErrorCode(result.error, ErrorCode.NotFound, ErrorCode.BadUserInput);

  if (data === undefined && !unknownId) {
    if (result.error !== undefined) return <ErrorNotice action="load the conclusions" error={result.error} onRetry={refetch} />;
    return <LoadingNotice what="conclusions" />;
  }
  const sweep = data?.sweep;
  const conclusions = data?.conclusions;
  if (unknownId || !sweep || !conclusions) {
    // The server page answers 404 for an unknown id; this is a sweep deleted while open.
    return <GoneNotice kind="Sweep" id={sweepId} />;
  }

  const withRepeat = conclusions.repeats.cells.some((cell) => cell.repeats > 1) || sweep.repeats > 1;
  const summary = summarizeConclusions(conclusions);
  const finished = summary !== null;
  const sections = SECTIONS.filter((section) => (finished || section.id === 'coverage') && (section.id !== 'reference' || conclusions.reference !== null));
  return (
    <>
      <header className={styles.head}>
        <nav aria-label="Breadcrumbs" className="breadcrumb">
          <Link href="/">All sweeps</Link> / <Link href={`/sweeps/${encodeURIComponent(sweep.id)}`}>{sweep.name}</Link> / Conclusions
        </nav>
        <h1>
          Conclusions <SweepStatusBadge status={sweep.status} diverged={sweep.progress.diverged} testId="sweep-status" />
        </h1>
        <p className={styles.subtitle}>
          What the data of <strong>{sweep.name}</strong> supports: {sweep.progress.succeeded} of {sweep.progress.runs} runs succeeded
          {sweep.progress.stoppedEarly > 0 && <>, {sweep.progress.stoppedEarly} stopped early</>}
          {sweep.progress.pruned > 0 && <>, {sweep.progress.pruned} pruned</>}, {conclusions.plannedEpochs} epochs planned each.
        </p>
        <div className={styles.headActions}>
          <span>
            Download the epochs:{' '}
            <a href={exportUrls.csv} data-testid="export-csv">
              CSV
            </a>{' '}
            ·{' '}
            <a href={exportUrls.json} data-testid="export-json">
              JSON
            </a>
          </span>
          <span className={styles.liveNote} role="status" aria-live="polite">
            {result.fetching ? 'Updating…' : sweep.readOnly ? 'A recorded study: it does not change.' : 'Updates as runs store epochs.'}
          </span>
        </div>
      </header>
      {result.error !== undefined && <ErrorNotice action="refresh the conclusions" error={result.error} onRetry={refetch} />}
      {summary !== null && <ConclusionsSummary lines={summary} />}
      {sections.length > 1 && (
        <nav aria-label="Sections">
          <ul className={styles.toc}>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`}>{section.title}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {finished ? (
        <>
          <RankingSection sweepId={sweep.id} conclusions={conclusions} />
          <ScalingSection sweepId={sweep.id} conclusions={conclusions} batchSizes={sweep.batchSizes} learningRates={sweep.learningRates} />
          <RepeatsSection conclusions={conclusions} />
          <OverfittingSection sweepId={sweep.id} conclusions={conclusions} withRepeat={withRepeat} />
          <SpeedSection sweepId={sweep.id} conclusions={conclusions} withRepeat={withRepeat} />
        </>
      ) : (
        <NothingFinished sweep={sweep} />
      )}
      <CoverageSection conclusions={conclusions} />
      {finished && conclusions.reference !== null && <ReferenceSection conclusions={conclusions} reference={conclusions.reference} />}
    </>
  );
}
