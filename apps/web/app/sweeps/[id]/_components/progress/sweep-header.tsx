'use client';

import Link from 'next/link';
import { useMutation } from 'urql';

import { AnnotationsEditor } from '../../../../_components/annotations/annotations-editor';
import { SweepStatusBadge } from '../../../../_components/sweep-status-badge';
import { UpdateSweepMutation, type SweepDetail, type SweepStatus } from '@/graphql';
import { describeNoiseScaleInterval } from '@/lib/describe-noise-scale-interval';
import { describeEarlyStopping, describePruning } from '@/lib/describe-stopping-rules';
import { formatDateTime } from '@/lib/format';
import { describeImport, statesSetting } from '@/lib/stated-settings';

/** Props of {@link SweepHeader}. */
export interface SweepHeaderProps {
  sweep: SweepDetail;
  /** How many runs the sweep has (the grid's, with any events since the read applied). */
  runs: number;
  /** How many of them diverged. */
  diverged: number;
  /** The sweep's status as the runs shown have it. */
  status: SweepStatus;
  /** Reads the sweep again once its name, tags or notes changed: the live view holds its own copy. */
  onChanged: () => void;
}

/**
 * The sweep's name, status, tags and notes (editable unless it is read-only; a tag opens
 * the sweeps that carry it), data set and training settings, with the rules that may end a
 * run early. An imported sweep says where its results came from and shows only the
 * settings its import stated: the others are defaults filled in, not how its runs trained.
 */
export function SweepHeader({ sweep, runs, diverged, status, onChanged }: SweepHeaderProps) {
  const states = (setting: string) => statesSetting(sweep, setting);
  const imported = describeImport(sweep);
  const [, updateSweep] = useMutation(UpdateSweepMutation);
  return (
    <header>
      <nav aria-label="Breadcrumbs" className="breadcrumb">
        <Link href="/">All sweeps</Link> / {sweep.name} ·{' '}
        <Link href={`/sweeps/${sweep.id}/runs`} data-testid="runs-table-link">
          Runs table
        </Link>{' '}
        ·{' '}
        <Link href={`/sweeps/${sweep.id}/conclusions`} data-testid="conclusions-link">
          Conclusions
        </Link>
      </nav>
      <h1>
        {sweep.name} <SweepStatusBadge status={status} diverged={diverged} testId="sweep-status" />
      </h1>
      <AnnotationsEditor
        subject="sweep"
        name={sweep.name}
        tags={sweep.tags}
        notes={sweep.notes}
        readOnly={sweep.readOnly}
        tagHref={(tag) => `/?tag=${encodeURIComponent(tag)}`}
        save={async (change) => {
          const { error } = await updateSweep({ id: sweep.id, input: change });
          if (error === undefined) onChanged();
          return error;
        }}
      />
      {imported !== null && (
        <p className="muted" data-testid="sweep-imported-from">
          {imported.charAt(0).toUpperCase() + imported.slice(1)}.
        </p>
      )}
      <dl className="settings" data-testid="sweep-settings">
        {states('dataset') && (
          <div>
            <dt>Data set</dt>
            <dd>{sweep.dataset}</dd>
          </div>
        )}
        {states('alpha') && (
          <div>
            <dt>Model</dt>
            <dd>MobileNetV2 α {sweep.alpha}</dd>
          </div>
        )}
        {states('inputSize') && (
          <div>
            <dt>Input</dt>
            <dd>
              {sweep.inputSize}×{sweep.inputSize} px
            </dd>
          </div>
        )}
        {states('batchNormMomentum') && (
          <div>
            <dt>BN momentum</dt>
            <dd>{sweep.batchNormMomentum}</dd>
          </div>
        )}
        <div>
          <dt>Epochs</dt>
          <dd>{sweep.epochs}</dd>
        </div>
        {states('earlyStopPatience') && (
          <div>
            <dt>Early stopping</dt>
            <dd data-testid="sweep-early-stopping">{describeEarlyStopping(sweep.earlyStopPatience)}</dd>
          </div>
        )}
        {states('pruner') && (
          <div>
            <dt>Pruning</dt>
            <dd data-testid="sweep-pruning">{describePruning(sweep.pruner, sweep.pruneWarmupEpochs)}</dd>
          </div>
        )}
        {states('noiseScaleInterval') && (
          <div>
            <dt>Noise scale</dt>
            <dd data-testid="sweep-noise-scale">{describeNoiseScaleInterval(sweep.noiseScaleInterval)}</dd>
          </div>
        )}
        {states('seed') && (
          <div>
            <dt>Seed</dt>
            <dd>{sweep.seed}</dd>
          </div>
        )}
        <div>
          <dt>Runs</dt>
          <dd>{runs}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <time dateTime={sweep.createdAt}>{formatDateTime(sweep.createdAt)}</time>
          </dd>
        </div>
      </dl>
    </header>
  );
}
