import { formatLoss, formatPercent } from '@/lib/format';

/** The metrics the grid can be coloured by, as they read in the URL (`?metric=finalValLoss`). */
export const GRID_METRICS = ['finalValAccuracy', 'bestValAccuracy', 'finalValLoss', 'accuracyGap'] as const;

/** One of {@link GRID_METRICS}. */
export type GridMetric = (typeof GRID_METRICS)[number];

/** What a metric needs of one epoch; accuracies are fractions in [0, 1], losses in nats. */
export interface MetricEpoch {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
}

/** What a metric needs of a run's current attempt. */
export interface MetricRun {
  /** Validation accuracy by epoch: element i is epoch i + 1's, null where none is stored. */
  valAccuracies: readonly (number | null)[];
  /** The newest epoch; null before the first. */
  latestEpoch: MetricEpoch | null;
}

/** How one metric is read from a run's epochs and shown. */
export interface GridMetricDefinition {
  key: GridMetric;
  /** For the metric picker and the legend, e.g. "final validation accuracy". */
  label: string;
  /** Which way is better: the colour scale puts the better end at its bright end either way. */
  better: 'higher' | 'lower';
  /**
   * The run's value from its current attempt: null before the first epoch, or
   * when the value is not finite (a diverged run's NaN loss). "Final" is the
   * newest epoch, so a running run shows where it is.
   */
  read: (run: MetricRun) => number | null;
  /** The value as the cell shows it, e.g. `83.8%`, `0.452`, `+12.3 pp`; `–` for none. */
  format(value: number | null): string;
  /** The value as a screen reader reads it, e.g. `83.8 %`, `12.3 percentage points`. */
  speak(value: number | null): string;
  /** A spread over repeats (a standard deviation, ≥ 0) in the value's unit, e.g. `1.2%`, `0.031`, `1.2 pp`. */
  formatSpread(spread: number): string;
}

function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}

function spokenPercent(value: number | null): string {
  return value === null ? 'no value yet' : `${(value * 100).toFixed(1)} %`;
}

/** Every metric by key. */
export const GRID_METRIC_DEFINITIONS: Readonly<Record<GridMetric, GridMetricDefinition>> = {
  finalValAccuracy: {
    key: 'finalValAccuracy',
    label: 'final validation accuracy',
    better: 'higher',
    read: (run) => finite(run.latestEpoch?.valAccuracy),
    format: formatPercent,
    speak: spokenPercent,
    formatSpread: formatPercent,
  },
  bestValAccuracy: {
    key: 'bestValAccuracy',
    label: 'best validation accuracy',
    better: 'higher',
    read: (run) => {
      let best: number | null = null;
      for (const value of run.valAccuracies) if (value !== null && Number.isFinite(value) && (best === null || value > best)) best = value;
      return best;
    },
    format: formatPercent,
    speak: spokenPercent,
    formatSpread: formatPercent,
  },
  finalValLoss: {
    key: 'finalValLoss',
    label: 'final validation loss',
    better: 'lower',
    read: (run) => finite(run.latestEpoch?.valLoss),
    format: (value) => (value === null ? '–' : formatLoss(value)),
    speak: (value) => (value === null ? 'no value yet' : formatLoss(value)),
    formatSpread: formatLoss,
  },
  accuracyGap: {
    key: 'accuracyGap',
    label: 'train − validation accuracy gap',
    better: 'lower',
    read: ({ latestEpoch }) => (latestEpoch === null ? null : finite(latestEpoch.accuracy - latestEpoch.valAccuracy)),
    format: (value) => (value === null ? '–' : `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(1)} pp`),
    speak: (value) => (value === null ? 'no value yet' : `${value < 0 ? 'minus ' : ''}${Math.abs(value * 100).toFixed(1)} percentage points`),
    formatSpread: (spread) => `${(spread * 100).toFixed(1)} pp`,
  },
};
