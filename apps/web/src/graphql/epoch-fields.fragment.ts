import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';

/**
 * The fields of `type Epoch` the dashboard shows: train metrics over the
 * epoch, validation metrics after it (accuracies are fractions in [0, 1]),
 * wall time in milliseconds and training images per second (null when
 * imported without them), and the gradient noise scale (null when not measured).
 */
export const EpochFieldsFragment = graphql(`
  fragment EpochFields on Epoch {
    id
    runId
    sweepId
    attempt
    epoch
    loss
    accuracy
    valLoss
    valAccuracy
    durationMs
    imagesPerSecond
    noiseScale
  }
`);

/** One epoch as {@link EpochFieldsFragment} selects it (read with `readFragment`). */
export type EpochFields = ResultOf<typeof EpochFieldsFragment>;
