import { datasetNames, type DatasetName } from '@sweepscope/db/sweeps';
import type { Dataset } from './dataset.js';
import { loadFashionMnist } from './fashion-mnist.js';
import { makeSyntheticDataset } from './synthetic-dataset.js';


/** Training images of the synthetic set when no `trainLimit` is given. */
export const SYNTHETIC_DEFAULT_TRAIN_COUNT = 128;
/** Validation images of the synthetic set when no `valLimit` is given. */
export const SYNTHETIC_DEFAULT_VAL_COUNT = 64;

/** Options for {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** Which data set to load. */
  name: DatasetName;
  /** Height and width of every image, in pixels. */
  inputSize: number;
  /**
   * Training images to keep. Fashion-MNIST takes a stratified subset
   * (all 60,000 when unset); the synthetic set makes exactly this many (small by default, so a CPU trains it in seconds).
   * @default all (Fashion-MNIST) or 128 (synthetic)
   */
  trainLimit?: number;
  /** Validation images, as `trainLimit`. @default all 10,000 (Fashion-MNIST) or 64 (synthetic) */
  valLimit?: number;
  /** Seed for generated data; Fashion-MNIST's subset does not depend on it. */
  seed: number;
  /** Folder of the Fashion-MNIST files. @default '/usr/share/datasets/fashion-mnist' */
  fashionMnistDir?: string;
}

/**
 * Loads a data set by name, so the CLI and the worker share one switch.
 *
 * @returns images `[count, inputSize, inputSize, 3]` uint8 with int32 labels
 * @throws Error for an unknown name, or what the chosen loader throws
 *   (e.g. Fashion-MNIST files missing)
 */
export async function loadDataset(options: LoadDatasetOptions): Promise<Dataset> {
  const { name, inputSize, trainLimit, valLimit, seed } = options;
  switch (name) {
    case 'synthetic':
      return makeSyntheticDataset({
        inputSize,
        trainCount: trainLimit ?? SYNTHETIC_DEFAULT_TRAIN_COUNT,
        valCount: valLimit ?? SYNTHETIC_DEFAULT_VAL_COUNT,
        seed,
      });
    case 'fashion-mnist':
      return loadFashionMnist({
        inputSize,
        ...(options.fashionMnistDir === undefined ? {} : { dir: options.fashionMnistDir }),
        ...(trainLimit === undefined ? {} : { trainLimit }),
        ...(valLimit === undefined ? {} : { valLimit }),
      });
    default:
      throw new Error(`expected a data set name in ${datasetNames.join(', ')}, got ${String(name satisfies never)}`);
  }
}
