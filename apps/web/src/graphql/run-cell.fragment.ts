import type { ResultOf } from 'gql.tada';

import { EpochFieldsFragment } from './epoch-fields.fragment';
import { graphql } from './graphql';

/**
 * The fields of `type Run` one grid cell needs: its place in the grid and
 * repeat, where it stands (status, attempt, error, heartbeat as ISO 8601, mean
 * training images per second), and every epoch of its current attempt in
 * order (masked: read them with `readFragment(EpochFieldsFragment, …)`), from
 * which the cell draws its value and its sparkline.
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
      epochsDone
      epochs {
        ...EpochFields
      }
    }
  `,
  [EpochFieldsFragment],
);

/** One run as {@link RunCellFragment} selects it. */
export type RunCell = ResultOf<typeof RunCellFragment>;
