import type { Dataset } from '../data/dataset.js';
import { loadDataset, type LoadDatasetOptions } from '../data/load-dataset.js';
import { createOneEntryCache, type OneEntryCache } from './one-entry-cache.js';

/**
 * The last data set a worker loaded, since a sweep's runs all train on the same one. A
 * load happens only when the options differ from the last call's; `onStatus` does not count:
 * a caller without one is served what a caller with one loaded, and only the call that
 * starts a load hears its progress.
 */
export type DatasetCache = OneEntryCache<LoadDatasetOptions, Dataset>;

/** Makes a {@link DatasetCache}: holding every data set a worker ever saw would grow without bound. */
export function createDatasetCache(): DatasetCache {
  return createOneEntryCache({ load: loadDataset, identify: identifyDataset });
}

/** What identifies a data set: every option but the status callback, in a fixed key order. */
function identifyDataset(options: LoadDatasetOptions): string {
  const { onStatus: _onStatus, ...identity } = options;
  return JSON.stringify(Object.fromEntries(Object.entries(identity).sort(([a], [b]) => (a < b ? -1 : 1))));
}
