import type { DatasetName } from '@sweepscope/core';
import type { LoadDatasetOptions } from '../data/load-dataset.js';

/** The settings of a sweep that decide its data. */
export interface SweepDataSettings {
  dataset: string;
  dataDir: string | null;
  inputSize: number;
  seed: number;
  trainLimit: number | null;
  valLimit: number | null;
}

/**
 * What to load for a sweep. The terminal's check and the worker both call this, so they ask
 * the data set cache for the same key and the worker reuses what the check loaded.
 */
export function datasetOptionsOf(sweep: SweepDataSettings, onStatus?: (line: string) => void): LoadDatasetOptions {
  return {
    name: sweep.dataset as DatasetName,
    inputSize: sweep.inputSize,
    seed: sweep.seed,
    ...(sweep.dataDir === null ? {} : { dataDir: sweep.dataDir }),
    ...(sweep.trainLimit === null ? {} : { trainLimit: sweep.trainLimit }),
    ...(sweep.valLimit === null ? {} : { valLimit: sweep.valLimit }),
    ...(onStatus === undefined ? {} : { onStatus }),
  };
}
