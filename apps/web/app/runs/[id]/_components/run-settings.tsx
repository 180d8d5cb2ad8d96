import type { ReactNode } from 'react';

import type { RunOverview, SweepSettings } from '@/graphql';
import { describeEarlyStopping, describePruning } from '@/lib/describe-stopping-rules';
import { formatAge, formatDateTime, formatLearningRate } from '@/lib/format';
import { describeImport, statesSetting } from '@/lib/stated-settings';
import styles from '../run-page.module.css';

/** What the run page reads of a run beyond its overview. */
export interface RunDetails {
  worker: string | null;
  backendNote: string | null;
  heartbeatAt: string | null;
  /** While it runs: when its worker's lease runs out unless renewed. */
  leaseExpiresAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  importedFrom: string | null;
  /** Mean training images per second over the current attempt. */
  imagesPerSecond: number | null;
}

/** Props of {@link RunSettings}. */
export interface RunSettingsProps {
  run: RunOverview;
  details: RunDetails;
  /** Its sweep's settings; undefined while they load, null if the sweep has gone. */
  sweep: SweepSettings | null | undefined;
  /** The time ages are counted from, in milliseconds since the epoch. */
  now: number;
}

function Setting({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

function Time({ iso, now }: { iso: string | null; now: number | null }) {
  if (iso === null) return <>–</>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {now === null ? formatDateTime(iso) : formatAge(iso, now)}
    </time>
  );
}

/**
 * A run's settings in three groups: its cell (batch size, learning rate,
 * repeat and seed), the settings its sweep gives every run, and how its
 * training went (attempt, epochs, backend and why, worker, heartbeat, times,
 * throughput).
 */
export function RunSettings({ run, details, sweep, now }: RunSettingsProps) {
  const limit = (value: number | null) => (value === null ? 'all' : value.toLocaleString('en'));
  return (
    <div className={styles.runSettings} data-testid="run-settings">
      <h2>Cell</h2>
      <dl className="settings">
        <Setting term="Batch size" testId="run-batch-size">
          {run.batchSize}
        </Setting>
        <Setting term="Learning rate" testId="run-learning-rate">
          {formatLearningRate(run.learningRate)}
        </Setting>
        <Setting term="Repeat">
          {run.repeat}
          {sweep ? ` of ${sweep.repeats}` : ''}
        </Setting>
        {(sweep === undefined || sweep === null || statesSetting(sweep, 'seed')) && <Setting term="Seed">{run.seed}</Setting>}
      </dl>
      <h2>Sweep settings</h2>
      {sweep === undefined ? (
        <p className="muted">Loading the sweep’s settings…</p>
      ) : sweep === null ? (
        <p className="muted">Its sweep no longer exists.</p>
      ) : (
        <dl className="settings">
          {describeImport(sweep) !== null && <Setting term="Source">{describeImport(sweep)}</Setting>}
          {statesSetting(sweep, 'dataset') && <Setting term="Data set">{sweep.dataset}</Setting>}
          {statesSetting(sweep, 'alpha') && <Setting term="Model">MobileNetV2 α {sweep.alpha}</Setting>}
          {statesSetting(sweep, 'inputSize') && (
            <Setting term="Input">
              {sweep.inputSize}×{sweep.inputSize} px
            </Setting>
          )}
          {statesSetting(sweep, 'batchNormMomentum') && <Setting term="BN momentum">{sweep.batchNormMomentum}</Setting>}
          <Setting term="Epochs">{sweep.epochs}</Setting>
          {statesSetting(sweep, 'earlyStopPatience') && <Setting term="Early stopping">{describeEarlyStopping(sweep.earlyStopPatience)}</Setting>}
          {statesSetting(sweep, 'pruner') && <Setting term="Pruning">{describePruning(sweep.pruner, sweep.pruneWarmupEpochs)}</Setting>}
          {statesSetting(sweep, 'shuffleBuffer') && <Setting term="Shuffle buffer">{sweep.shuffleBuffer.toLocaleString('en')}</Setting>}
          {statesSetting(sweep, 'trainLimit') && <Setting term="Training images">{limit(sweep.trainLimit)}</Setting>}
          {statesSetting(sweep, 'valLimit') && <Setting term="Validation images">{limit(sweep.valLimit)}</Setting>}
          {sweep.preset !== null && sweep.createdBy !== 'import' && <Setting term="Preset">{sweep.preset}</Setting>}
        </dl>
      )}
      <h2>Training</h2>
      <dl className="settings">
        <Setting term="Attempt">{run.attempt}</Setting>
        <Setting term="Epochs done" testId="run-epochs-done">
          {run.epochsDone}
          {sweep ? ` of ${sweep.epochs}` : ''}
        </Setting>
        <Setting term="Backend">{run.backend ?? '–'}</Setting>
        <Setting term="Worker">{details.worker ?? '–'}</Setting>
        <Setting term="Heartbeat" testId="run-heartbeat">
          <Time iso={details.heartbeatAt} now={now} />
          {run.status === 'RUNNING' && details.leaseExpiresAt !== null && new Date(details.leaseExpiresAt).getTime() < now && (
            <span className={styles.leaseLost}> · its worker stopped answering; the run is being taken back to resume on another</span>
          )}
        </Setting>
        <Setting term="Started">
          <Time iso={details.startedAt} now={null} />
        </Setting>
        <Setting term="Finished">
          <Time iso={details.finishedAt} now={null} />
        </Setting>
        <Setting term="Throughput">{details.imagesPerSecond === null ? '–' : `${details.imagesPerSecond.toFixed(1)} images/s`}</Setting>
        {details.importedFrom !== null && <Setting term="Imported from">{details.importedFrom}</Setting>}
      </dl>
      {details.backendNote !== null && (
        <p className={`muted ${styles.runBackendNote}`}>
          <strong>Backend:</strong> {details.backendNote}
        </p>
      )}
    </div>
  );
}
