import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';

/**
 * A sweep's name, tags and notes, and its settings, which every run of it shares: data set (and how many of
 * its images it trains and validates on: null means all), the MobileNetV2
 * width α and input side in pixels, batch-norm momentum, planned epochs,
 * shuffle buffer in images, the first repeat's seed, the repeats per cell, and
 * the rules that may end a run before its last epoch: early stopping's
 * patience (null: off) and the pruner (null: off) with its warm-up epochs, and
 * how many steps apart it measures the gradient noise scale (0: never).
 * For an imported sweep, which of these its results never stated
 * (`unstatedSettings`: show them as not stated, see `statesSetting`) and the
 * files its runs came from (`importedFrom`).
 */
export const SweepSettingsFragment = graphql(`
  fragment SweepSettings on Sweep @_unmask {
    id
    name
    tags
    notes
    dataset
    preset
    alpha
    inputSize
    batchNormMomentum
    epochs
    shuffleBuffer
    seed
    repeats
    earlyStopPatience
    pruner
    pruneWarmupEpochs
    noiseScaleInterval
    trainLimit
    valLimit
    readOnly
    createdBy
    unstatedSettings
    importedFrom
  }
`);

/** One sweep as {@link SweepSettingsFragment} selects it (read with `readFragment`). */
export type SweepSettings = ResultOf<typeof SweepSettingsFragment>;
