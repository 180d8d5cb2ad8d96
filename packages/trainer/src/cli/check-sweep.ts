import { ErrorCode, SweepscopeError, validateSweepInput, type SweepInput, type SweepSettings } from '@sweepscope/core';
import type { Dataset } from '../data/dataset.js';
import { applyBaseWeights } from '../model/apply-base-weights.js';
import { disposeBaseWeights } from '../model/base-weights.js';
import { buildMobileNetV2Base } from '../model/build-mobilenet-v2.js';
import { readBaseWeights } from '../model/read-base-weights.js';
import type { DatasetCache } from '../worker/dataset-cache.js';
import { datasetOptionsOf } from '../worker/dataset-options.js';
import { flagForField } from './parse-train-args.js';

/** Options of {@link checkSweep}. */
export interface CheckSweepOptions {
  input: SweepInput;
  /** Where the data set is loaded, to be reused by the worker that trains it. */
  datasets: DatasetCache;
  /** Lines about slow steps: a download, decoding a folder of images. */
  onStatus?: (line: string) => void;
}

/**
 * Everything the terminal checks before it writes anything: every value (by the rules the API
 * shares), the data set (found, readable, not empty, big enough for the largest batch) and
 * the pretrained weights (a layers model whose layers fit this α). Refusals name the flag.
 * @returns the settings and the loaded data set
 * @throws {SweepscopeError} BAD_USER_INPUT naming the flag, the value and what is accepted
 */
export async function checkSweep(options: CheckSweepOptions): Promise<{ settings: SweepSettings; dataset: Dataset }> {
  const settings = validateSweepInput(options.input, { fieldName: flagForField });
  const dataset = await options.datasets.get(datasetOptionsOf(settings, options.onStatus)).catch(renameField);
  validateSweepInput(options.input, { fieldName: flagForField, trainCount: dataset.train.count });
  if (settings.weights !== null) await checkWeights(settings.weights, settings.alpha).catch(renameField);
  return { settings, dataset };
}

/** Reads the weights and fits them to a base of this α, which throws when they do not fit. */
async function checkWeights(source: string, alpha: number): Promise<void> {
  const weights = await readBaseWeights(source);
  // The input size does not change a single weight's shape, so the smallest base will do.
  const base = buildMobileNetV2Base({ alpha, inputSize: 32 });
  try {
    applyBaseWeights(base, weights);
  } finally {
    base.dispose();
    disposeBaseWeights(weights);
  }
}

/** The loaders name a setting as the API does (`dataDir`); a terminal user typed `--data-dir`. */
function renameField(error: unknown): never {
  if (error instanceof SweepscopeError && error.code === ErrorCode.BadUserInput && error.field?.length === 1) {
    const [field = ''] = error.field;
    throw new SweepscopeError(error.code, error.message, { field: [flagForField(field)], cause: error });
  }
  throw error;
}
