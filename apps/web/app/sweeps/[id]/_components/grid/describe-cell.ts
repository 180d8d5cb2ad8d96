import type { RunStatus } from '@/graphql';
import { formatLearningRate } from '@/lib/format';
import { statusLabel } from '@/lib/status-label';

import type { CellSummary } from './aggregate-repeats';
import type { GridMetricDefinition } from './grid-metrics';

/** What {@link describeCell} needs of a cell's runs. */
export interface DescribedRun {
  status: RunStatus;
  /** Epochs stored for the current attempt. */
  epochsDone: number;
  error: string | null;
  /** Why it did not learn, when the conclusions' rules call it unstable. */
  instability?: { reason: string } | null;
}

/** What a cell says about itself. */
export interface CellDescription {
  /** The state words the cell shows: `queued`, `running`, `succeeded`, `stopped early`, …, `never run`. */
  stateText: string;
  /** Epochs done of those planned, short: `3/5` for one run, `7/15` summed over repeats; empty for a cell without runs. */
  epochText: string;
  /** The screen-reader label, e.g. `batch 32, learning rate 0.1, succeeded, final validation accuracy 83.8 %`. */
  label: string;
  /** The state, and why runs ended early (failed, diverged, stopped early, pruned): `running at epoch 3 of 5`, `2 repeats: 1 succeeded, 1 failed: out of memory`. */
  detail: string;
  /** The tooltip: where the cell is, then its {@link CellDescription.detail}. */
  title: string;
}

// A Record, so a status the schema adds cannot go uncounted in a repeats' sentence.
const STATUS_ORDER: Record<RunStatus, number> = {
  SUCCEEDED: 0,
  STOPPED_EARLY: 1,
  PRUNED: 2,
  RUNNING: 3,
  QUEUED: 4,
  DIVERGED: 5,
  FAILED: 6,
  CANCELLED: 7,
};

/** `2 succeeded, 1 stopped early`: the cell's runs by status, in {@link STATUS_ORDER}. */
function countStatuses(runs: readonly DescribedRun[]): string {
  const counts = new Map<RunStatus, number>();
  for (const { status } of runs) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => STATUS_ORDER[a] - STATUS_ORDER[b])
    .map(([status, count]) => `${count} ${statusLabel(status)}`)
    .join(', ');
}

function errorsOf(runs: readonly DescribedRun[]): string[] {
  const reasons = runs.map((run) => (run.instability ? `unstable: ${run.instability.reason}` : run.error));
  return [...new Set(reasons.filter((reason): reason is string => reason !== null && reason !== ''))];
}

/**
 * Words for a cell: its state, its epochs and its value under `metric`, for
 * the cell itself, its tooltip and screen readers. One run reads
 * `running at epoch 3 of 5`; repeats read `3 repeats: 2 succeeded, 1 running`
 * and their value as the mean over the repeats that have one.
 *
 * @param plannedEpochs - epochs each run trains.
 */
export function describeCell(
  batchSize: number,
  learningRate: number,
  runs: readonly DescribedRun[],
  summary: CellSummary,
  metric: GridMetricDefinition,
  plannedEpochs: number,
): CellDescription {
  const where = `batch ${batchSize}, learning rate ${formatLearningRate(learningRate)}`;
  if (runs.length === 0) {
    const detail = 'never run (no run was asked for)';
    return { stateText: 'never run', epochText: '', label: `${where}, never run`, detail, title: `${where}: ${detail}` };
  }
  const errors = errorsOf(runs);
  const stateText = summary.status === null ? 'never run' : statusLabel(summary.status);
  let state: string;
  let epochText: string;
  if (runs.length === 1) {
    const run = runs[0]!;
    epochText = `${run.epochsDone}/${plannedEpochs}`;
    state = run.status === 'RUNNING' ? `running at epoch ${run.epochsDone} of ${plannedEpochs}` : stateText;
  } else {
    epochText = `${summary.epochsDone}/${summary.epochsPlanned}`;
    state = `${runs.length} repeats: ${countStatuses(runs)}`;
  }
  const errorText = errors.length === 0 ? '' : `: ${errors.join('; ')}`;
  let value = '';
  if (summary.value !== null) {
    value =
      runs.length === 1
        ? `, ${metric.label} ${metric.speak(summary.value)}`
        : `, mean ${metric.label} ${metric.speak(summary.value)} over ${summary.valueCount} of ${runs.length}`;
  }
  return {
    stateText,
    epochText,
    label: `${where}, ${state}${errorText}${value}`,
    detail: `${state}${errorText}`,
    title: `${where}: ${state}${errorText}`,
  };
}
