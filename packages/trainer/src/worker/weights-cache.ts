import { disposeBaseWeights, type BaseWeights } from '../model/base-weights.js';
import { readBaseWeights } from '../model/read-base-weights.js';
import { createOneEntryCache, type OneEntryCache } from './one-entry-cache.js';

/** Pretrained base weights by source (path or URL), read once for all the runs of a sweep. */
export type WeightsCache = OneEntryCache<string, BaseWeights>;

/** Makes a {@link WeightsCache}; weights another source replaced are disposed. */
export function createWeightsCache(): WeightsCache {
  return createOneEntryCache({ load: readBaseWeights, identify: (source) => source, release: disposeBaseWeights });
}
