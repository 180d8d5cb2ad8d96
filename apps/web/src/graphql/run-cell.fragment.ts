import type { ResultOf } from 'gql.tada';

import { EpochFieldsFragment } from './epoch-fields.fragment';
import { graphql } from './graphql';

/**
 * The fields of `type Run` one grid cell needs: its place in the grid and
 * repeat, where it stands (status, attempt, error, heartbeat as ISO 8601, mean
 * training images per second, and why it did not learn when the conclusions'
 * rules call it unstable), its current attempt's validation accuracy by
 * epoch (`valAccuracies[i]` is epoch i + 1's, null where none is stored) for
 * the sparkline and the best value, and its newest epoch (masked: read it with
 * `readFragment(EpochFieldsFragment, …)`) for the final values. A compact
 * series rather than every epoch: a 1,000-run grid stays a small page.
 */
export const RunCellFragment = graphql(
  `
    fragment RunCell on Run {
      id
      sweepId
      batchSize
      learningRate
      repeat
      status
      attempt
      backend
      error
      heartbeatAt
      imagesPerSecond
      instability {
        kind
        reason
      }
      valAccuracies: series(metric: VAL_ACCURACY)
      latestEpoch {
        ...EpochFields
      }
    }
  `,
  [EpochFieldsFragment],
);

/** One run as {@link RunCellFragment} selects it. */
export type RunCell = ResultOf<typeof RunCellFragment>;
