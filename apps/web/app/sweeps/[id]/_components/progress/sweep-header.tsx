import Link from 'next/link';

import { SweepStatusBadge } from '../../../../_components/sweep-status-badge';
import type { SweepDetail, SweepStatus } from '@/graphql';
import { describeEarlyStopping, describePruning } from '@/lib/describe-stopping-rules';
import { formatDateTime } from '@/lib/format';

/** Props of {@link SweepHeader}. */
export interface SweepHeaderProps {
  sweep: SweepDetail;
  /** How many runs the sweep has (the grid's, with any events since the read applied). */
  runs: number;
  /** How many of them diverged. */
  diverged: number;
  /** The sweep's status as the runs shown have it. */
  status: SweepStatus;
}

/** The sweep's name, status, data set and training settings, with the rules that may end a run early. */
export function SweepHeader({ sweep, runs, diverged, status }: SweepHeaderProps) {
  return (
    <header>
      <p className="breadcrumb">
        <Link href="/">← All sweeps</Link> ·{' '}
        <Link href={`/sweeps/${sweep.id}/conclusions`} data-testid="conclusions-link">
          Conclusions
        </Link>
      </p>
      <h1>
        {sweep.name} <SweepStatusBadge status={status} diverged={diverged} testId="sweep-status" />
      </h1>
      <dl className="settings">
        <div>
          <dt>Data set</dt>
          <dd>{sweep.dataset}</dd>
        </div>
        <div>
          <dt>Model</dt>
          <dd>MobileNetV2 α {sweep.alpha}</dd>
        </div>
        <div>
          <dt>Input</dt>
          <dd>
            {sweep.inputSize}×{sweep.inputSize} px
          </dd>
        </div>
        <div>
          <dt>BN momentum</dt>
          <dd>{sweep.batchNormMomentum}</dd>
        </div>
        <div>
          <dt>Epochs</dt>
          <dd>{sweep.epochs}</dd>
        </div>
        <div>
          <dt>Early stopping</dt>
          <dd data-testid="sweep-early-stopping">{describeEarlyStopping(sweep.earlyStopPatience)}</dd>
        </div>
        <div>
          <dt>Pruning</dt>
          <dd data-testid="sweep-pruning">{describePruning(sweep.pruner, sweep.pruneWarmupEpochs)}</dd>
        </div>
        <div>
          <dt>Seed</dt>
          <dd>{sweep.seed}</dd>
        </div>
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
