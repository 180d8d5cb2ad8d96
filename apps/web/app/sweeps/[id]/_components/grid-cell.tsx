'use client';

import type { RunCell } from '@/graphql';
import { formatPercent } from '@/lib/format';

/** Props of {@link GridCell}. */
export interface GridCellProps {
  batchSize: number;
  learningRate: number;
  /** The run at this cell; undefined where none was asked for. */
  run: RunCell | undefined;
  /** Epochs each run of the sweep trains for. */
  totalEpochs: number;
  selected: boolean;
  onSelect: (runId: string) => void;
}

/**
 * One cell of the grid: the run's status, latest validation accuracy and
 * progress. Its `data-testid` is `cell-<batchSize>-<learningRate>` with the
 * learning rate as `String(number)`, e.g. `cell-32-0.1`.
 */
export function GridCell({ batchSize, learningRate, run, totalEpochs, selected, onSelect }: GridCellProps) {
  const testId = `cell-${batchSize}-${String(learningRate)}`;
  if (run === undefined) return <td data-testid={testId} className="cell cell-empty" />;

  const status = run.status.toLowerCase();
  return (
    <td
      data-testid={testId}
      className={`cell cell-${status}${selected ? ' cell-selected' : ''}`}
    >
      <button
        type="button"
        className="cell-button"
        onClick={() => onSelect(run.id)}
        aria-pressed={selected}
        title={run.error ?? `batch ${batchSize}, learning rate ${String(learningRate)}`}
      >
        <span data-testid="cell-status" className={`status status-${status}`}>
          {status}
        </span>
        <span data-testid="cell-val-acc" className="cell-acc">
          {formatPercent(run.latestEpoch?.valAccuracy)}
        </span>
        <span className="cell-epoch">
          epoch {run.epochsDone}/{totalEpochs}
        </span>
      </button>
    </td>
  );
}
