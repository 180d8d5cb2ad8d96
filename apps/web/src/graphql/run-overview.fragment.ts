import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';

/**
 * What the curves and the compare table show of a run: its cell, repeat and
 * seed, where it stands (status, attempt, epochs done, backend), and its
 * current attempt's final and best epochs (accuracies are fractions in
 * [0, 1]; both null before the first epoch).
 */
export const RunOverviewFragment = graphql(`
  fragment RunOverview on Run {
    id
    sweepId
    batchSize
    learningRate
    repeat
    seed
    status
    attempt
    backend
    epochsDone
    latestEpoch {
      epoch
      loss
      accuracy
      valLoss
      valAccuracy
    }
    bestEpoch {
      epoch
      valAccuracy
    }
  }
`);

/** One run as {@link RunOverviewFragment} selects it (read with `readFragment`). */
export type RunOverview = ResultOf<typeof RunOverviewFragment>;
