import type { Dataset } from '../data/dataset.js';
import { loadDataset, type LoadDatasetOptions } from '../data/load-dataset.js';

/** Keeps the last data set a worker loaded, since a sweep's runs all train on the same one. */
export interface DatasetCache {
  /**
   * The data set for these options, loaded only when they differ from the last call's.
   * `onStatus` does not count: a caller without one is served what a caller with one loaded,
   * and only the call that starts a load hears its progress.
   */
  get(options: LoadDatasetOptions): Promise<Dataset>;
}

/** Makes a one-entry cache: holding every data set a worker ever saw would grow without bound. */
export function createDatasetCache(): DatasetCache {
  let last: { key: string; dataset: Promise<Dataset> } | undefined;
  return {
    get(options) {
      const key = keyOf(options);
      if (last?.key !== key) {
        const dataset = loadDataset(options);
        last = { key, dataset };
        // A failed load must not be served to the next run.
        dataset.catch(() => {
          if (last?.dataset === dataset) last = undefined;
        });
      }
      return last.dataset;
    },
  };
}

/** What identifies a data set: every option but the status callback, in a fixed key order. */
function keyOf(options: LoadDatasetOptions): string {
  const { onStatus: _onStatus, ...identity } = options;
  return JSON.stringify(Object.fromEntries(Object.entries(identity).sort(([a], [b]) => (a < b ? -1 : 1))));
}
