import type { RunOverview, SweepSettings } from '@/graphql';
import { describeNoiseScaleInterval } from '@/lib/describe-noise-scale-interval';
import { describeEarlyStopping, describePruning } from '@/lib/describe-stopping-rules';
import { formatLearningRate, formatPercent } from '@/lib/format';
import { statesSetting } from '@/lib/stated-settings';
import { statusLabel } from '@/lib/status-label';

/** One run as the compare table reads it: undefined while loading, null when unknown. */
export interface CompareColumn {
  runId: string;
  run: RunOverview | null | undefined;
  sweep: SweepSettings | null | undefined;
}

/** One cell of the table: its text, and where it links, if anywhere. */
export interface CompareCell {
  text: string;
  href?: string;
}

/** One row: a setting or a result of every run. */
export interface CompareRow {
  key: string;
  label: string;
  group: 'settings' | 'results';
  /** One per column, in column order. */
  cells: CompareCell[];
  /** Whether the runs that have a value here do not all have the same one (two at least). */
  differs: boolean;
}

/** Shown for a run still loading, or for a value a run does not have. */
const PENDING = '…';
const NONE = '–';

interface RowSpec {
  key: string;
  label: string;
  group: CompareRow['group'];
  cell: (run: RunOverview, sweep: SweepSettings | null | undefined) => CompareCell;
}

/** A sweep's setting, or none where an imported sweep's results never stated it (see `statesSetting`). */
const sweepValue = (sweep: SweepSettings | null | undefined, setting: string, read: (sweep: SweepSettings) => string): CompareCell => ({
  text: sweep === undefined ? PENDING : sweep === null || !statesSetting(sweep, setting) ? NONE : read(sweep),
});

const ROWS: readonly RowSpec[] = [
  {
    key: 'sweep',
    label: 'Sweep',
    group: 'settings',
    cell: (run, sweep) => ({ ...sweepValue(sweep, 'name', (s) => s.name), href: `/sweeps/${encodeURIComponent(run.sweepId)}` }),
  },
  { key: 'dataset', label: 'Data set', group: 'settings', cell: (_run, sweep) => sweepValue(sweep, 'dataset', (s) => s.dataset) },
  { key: 'alpha', label: 'Width α', group: 'settings', cell: (_run, sweep) => sweepValue(sweep, 'alpha', (s) => String(s.alpha)) },
  {
    key: 'inputSize',
    label: 'Input size',
    group: 'settings',
    cell: (_run, sweep) => sweepValue(sweep, 'inputSize', (s) => `${s.inputSize}×${s.inputSize} px`),
  },
  {
    key: 'batchNormMomentum',
    label: 'BN momentum',
    group: 'settings',
    cell: (_run, sweep) => sweepValue(sweep, 'batchNormMomentum', (s) => String(s.batchNormMomentum)),
  },
  { key: 'epochs', label: 'Epochs planned', group: 'settings', cell: (_run, sweep) => sweepValue(sweep, 'epochs', (s) => String(s.epochs)) },
  {
    key: 'earlyStopping',
    label: 'Early stopping',
    group: 'settings',
    cell: (_run, sweep) => sweepValue(sweep, 'earlyStopPatience', (s) => describeEarlyStopping(s.earlyStopPatience)),
  },
  {
    key: 'pruning',
    label: 'Pruning',
    group: 'settings',
    cell: (_run, sweep) => sweepValue(sweep, 'pruner', (s) => describePruning(s.pruner, s.pruneWarmupEpochs)),
  },
  {
    key: 'noiseScale',
    label: 'Noise scale',
    group: 'settings',
    cell: (_run, sweep) => sweepValue(sweep, 'noiseScaleInterval', (s) => describeNoiseScaleInterval(s.noiseScaleInterval)),
  },
  { key: 'batchSize', label: 'Batch size', group: 'settings', cell: (run) => ({ text: String(run.batchSize) }) },
  { key: 'learningRate', label: 'Learning rate', group: 'settings', cell: (run) => ({ text: formatLearningRate(run.learningRate) }) },
  { key: 'repeat', label: 'Repeat', group: 'settings', cell: (run) => ({ text: String(run.repeat) }) },
  { key: 'seed', label: 'Seed', group: 'settings', cell: (run) => ({ text: String(run.seed) }) },
  { key: 'backend', label: 'Backend', group: 'settings', cell: (run) => ({ text: run.backend ?? NONE }) },
  { key: 'status', label: 'Status', group: 'results', cell: (run) => ({ text: statusLabel(run.status) }) },
  { key: 'finalValAccuracy', label: 'Final val. accuracy', group: 'results', cell: (run) => ({ text: formatPercent(run.latestEpoch?.valAccuracy) }) },
  {
    key: 'bestValAccuracy',
    label: 'Best val. accuracy',
    group: 'results',
    cell: (run) => ({ text: run.bestEpoch === null ? NONE : `${formatPercent(run.bestEpoch.valAccuracy)} (epoch ${run.bestEpoch.epoch})` }),
  },
  { key: 'finalValLoss', label: 'Final val. loss', group: 'results', cell: (run) => ({ text: run.latestEpoch ? run.latestEpoch.valLoss.toFixed(4) : NONE }) },
  { key: 'finalAccuracy', label: 'Final train accuracy', group: 'results', cell: (run) => ({ text: formatPercent(run.latestEpoch?.accuracy) }) },
  { key: 'epochsDone', label: 'Epochs done', group: 'results', cell: (run) => ({ text: String(run.epochsDone) }) },
];

/**
 * The compare table's rows, settings then results (final and best validation
 * accuracy, final validation loss, final training accuracy, epochs done, over
 * each run's current attempt), one cell per run. A row `differs` when the runs
 * with a value there (loaded, and not `–`) show two or more different texts:
 * values are compared as shown, so 87.31 % and 87.34 % do not differ.
 */
export function buildCompareRows(columns: readonly CompareColumn[]): CompareRow[] {
  return ROWS.map((spec) => {
    const cells = columns.map(({ run, sweep }): CompareCell => {
      if (run === undefined) return { text: PENDING };
      if (run === null) return { text: NONE };
      return spec.cell(run, sweep);
    });
    const known = new Set(cells.map((cell) => cell.text).filter((text) => text !== PENDING && text !== NONE));
    const counted = cells.filter((cell) => cell.text !== PENDING && cell.text !== NONE).length;
    return { key: spec.key, label: spec.label, group: spec.group, cells, differs: counted >= 2 && known.size > 1 };
  });
}
