import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';

/**
 * What the sweep list needs of a run to name a sweep's best cell: the cell,
 * its repeat, its status (a pruned run's numbers are no result), and its
 * current attempt's best epoch (highest validation accuracy, a fraction in
 * [0, 1]; null before the first epoch).
 */
export const RunBestFragment = graphql(`
  fragment RunBest on Run {
    id
    batchSize
    learningRate
    repeat
    status
    instability {
      kind
    }
    bestEpoch {
      epoch
      valAccuracy
    }
  }
`);

/** One run as {@link RunBestFragment} selects it. */
export type RunBest = ResultOf<typeof RunBestFragment>;
