import { datasetNames, ErrorCode, SweepscopeError, syntheticDefaultImages, type DatasetName } from '@sweepscope/core';

import type { Dataset } from './dataset.js';
import { loadFashionMnist } from './fashion-mnist.js';
import { loadImageFolder } from './image-folder.js';
import { makeSyntheticDataset } from './synthetic-dataset.js';

/** Options for {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** Which data set to load. */
  name: DatasetName;
  /** Height and width of every image, in pixels. */
  inputSize: number;
  /**
   * Training images to keep. Fashion-MNIST and image folders take a stratified subset
   * (all when unset); the synthetic set makes exactly this many (small by default, so a CPU trains it in seconds).
   * @default all (Fashion-MNIST, images) or 128 (synthetic)
   */
  trainLimit?: number;
  /** Validation images, as `trainLimit`. @default all (Fashion-MNIST: 10,000; images) or 64 (synthetic) */
  valLimit?: number;
  /**
   * Seed for generated data, and for the validation split and order of an image folder;
   * Fashion-MNIST's subset does not depend on it.
   */
  seed: number;
  /**
   * Folder to read: required for `'images'`; for `'fashion-mnist'` the folder of its four
   * `.gz` files (when left out they are looked for in the cache and Debian's folder, then downloaded).
   */
  dataDir?: string;
  /**
   * Receives one line at a time about finding, downloading or decoding the data.
   * Not part of what identifies a data set (the worker's cache leaves it out). A throw inside it aborts the load.
   */
  onStatus?: (line: string) => void;
}

/**
 * Loads a data set by name, so the CLI and the worker share one switch.
 *
 * @returns images `[count, inputSize, inputSize, 3]` uint8 with int32 labels, and the image files skipped as unreadable
 * @throws SweepscopeError BAD_USER_INPUT (field `['dataDir']`) when `'images'` is asked for without
 *   `dataDir`, or what the chosen loader throws (folder missing, Fashion-MNIST neither found nor downloaded)
 * @throws Error for an unknown name
 */
export async function loadDataset(options: LoadDatasetOptions): Promise<Dataset> {
  const { name, inputSize, trainLimit, valLimit, seed, dataDir, onStatus } = options;
  const limits = {
    ...(trainLimit === undefined ? {} : { trainLimit }),
    ...(valLimit === undefined ? {} : { valLimit }),
  };
  const status = onStatus === undefined ? {} : { onStatus };
  switch (name) {
    case 'synthetic':
      return makeSyntheticDataset({
        inputSize,
        trainCount: trainLimit ?? syntheticDefaultImages.train,
        valCount: valLimit ?? syntheticDefaultImages.val,
        seed,
      });
    case 'fashion-mnist':
      return loadFashionMnist({ inputSize, ...limits, ...status, ...(dataDir === undefined ? {} : { dataDir }) });
    case 'images':
      if (dataDir === undefined) {
        throw new SweepscopeError(ErrorCode.BadUserInput, 'dataDir is missing: expected the path of the image folder when the data set is images.', {
          field: ['dataDir'],
        });
      }
      return loadImageFolder({ dir: dataDir, inputSize, seed, ...limits, ...status });
    default:
      throw new Error(`expected a data set name in ${datasetNames.join(', ')}, got ${String(name satisfies never)}`);
  }
}
