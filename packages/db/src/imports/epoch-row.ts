import { type FinalRunStatus, finalRunStatuses, learningRateExpected, maxLearningRate, type StoredEpochMetrics } from '@sweepscope/core';

/**
 * One epoch of one run, as results files carry it: the run's cell and repeat, then the
 * epoch's metrics. Import reads these rows and export writes them, under the column names
 * of {@link epochColumns}.
 */
export interface EpochRow extends StoredEpochMetrics {
  batchSize: number;
  learningRate: number;
  /** Which of the cell's repeats, 1-based. */
  repeat: number;
}

/** An epoch row and where it was read, for messages. */
export interface LocatedEpochRow {
  row: EpochRow;
  /** How its run ended, as the row says. */
  status: FinalRunStatus;
  /** Its run's tags as the row gives them, checked, separated by commas; empty when the row gives none. */
  tags: string;
  /** Its run's notes as the row gives them, checked; empty when the row gives none. */
  notes: string;
  /** Where in the content, counted in its format's {@link placeUnits}: line 3 of a CSV file, row 2 of a JSON array. */
  place: number;
}

/** What a place in the content counts, by format: messages say `runs.csv line 3`, `content row 2`, `history.json epoch 4`. */
export const placeUnits = { csv: 'line', json: 'row', 'keras-history': 'epoch' } as const;

/** How one column of a results file is named, whether it must be there, and which values it takes. */
export interface EpochColumn {
  /** The column's name in a file: snake_case, as Keras and pandas write them. */
  name: string;
  key: keyof EpochRow;
  /** A required column must be in the file and filled on every row. */
  required: boolean;
  /** What an empty or absent optional value stands for. */
  absent?: number | null;
  /** Whether the value is a whole number (a fractional `duration_ms` is rounded instead). */
  whole: boolean;
  /** Whether a value is allowed, once known to be a finite number. */
  accepts: (value: number) => boolean;
  /** The values allowed, as error messages say it after "expected". */
  expected: string;
}

const largestInt = 2 ** 31 - 1;

/**
 * The optional run-level column of how each run ended, one of {@link finalRunStatuses}, the
 * same on every row of a run; `succeeded` when absent or empty. A run still queued or
 * training has not ended, and cannot be stored as trained elsewhere.
 */
export const statusColumn = { name: 'status', absent: 'succeeded', values: finalRunStatuses } as const;

/**
 * The optional run-level columns of each run's tags (text separated by commas in CSV; a list,
 * or such text, in JSON) and notes. A row that leaves them empty takes its run's; rows of one
 * run that give them must agree.
 */
export const annotationColumns = { tags: 'tags', notes: 'notes' } as const;

/**
 * Every column of a results file, in the order export writes them. The required seven are
 * those of the reference study's table plus the run's cell; `repeat` defaults to 1 and the
 * two timings and the gradient noise scale to unknown. Bounds match what a sweep can hold (`validateSweepInput`).
 */
export const epochColumns: readonly EpochColumn[] = [
  {
    name: 'batch_size',
    key: 'batchSize',
    required: true,
    whole: true,
    accepts: (v) => v >= 1 && v <= 10_000_000,
    expected: 'a whole number from 1 to 10000000',
  },
  { name: 'learning_rate', key: 'learningRate', required: true, whole: false, accepts: (v) => v > 0 && v <= maxLearningRate, expected: learningRateExpected },
  { name: 'repeat', key: 'repeat', required: false, absent: 1, whole: true, accepts: (v) => v >= 1 && v <= 100, expected: 'a whole number from 1 to 100' },
  { name: 'epoch', key: 'epoch', required: true, whole: true, accepts: (v) => v >= 1 && v <= 10_000, expected: 'a whole number from 1 to 10000' },
  { name: 'loss', key: 'loss', required: true, whole: false, accepts: (v) => v >= 0, expected: 'a finite number of at least 0' },
  { name: 'accuracy', key: 'accuracy', required: true, whole: false, accepts: (v) => v >= 0 && v <= 1, expected: 'a fraction from 0 to 1' },
  { name: 'val_loss', key: 'valLoss', required: true, whole: false, accepts: (v) => v >= 0, expected: 'a finite number of at least 0' },
  { name: 'val_accuracy', key: 'valAccuracy', required: true, whole: false, accepts: (v) => v >= 0 && v <= 1, expected: 'a fraction from 0 to 1' },
  {
    name: 'duration_ms',
    key: 'durationMs',
    required: false,
    absent: null,
    whole: false,
    accepts: (v) => v >= 0 && v <= largestInt,
    expected: `a number of milliseconds from 0 to ${largestInt}, or nothing`,
  },
  {
    name: 'images_per_second',
    key: 'imagesPerSecond',
    required: false,
    absent: null,
    whole: false,
    accepts: (v) => v >= 0,
    expected: 'a finite number of at least 0, or nothing',
  },
  {
    name: 'noise_scale',
    key: 'noiseScale',
    required: false,
    absent: null,
    whole: false,
    accepts: (v) => v > 0,
    expected: 'a number of images greater than 0 (the gradient noise scale), or nothing',
  },
];

/** The column of a row field, e.g. `valLoss` → `val_loss`. */
export function columnOf(key: keyof EpochRow): EpochColumn {
  const column = epochColumns.find((candidate) => candidate.key === key);
  if (column === undefined) throw new Error(`no results column for ${key}`);
  return column;
}
