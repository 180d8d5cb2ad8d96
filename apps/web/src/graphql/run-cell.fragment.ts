import type { ResultOf } from 'gql.tada';

import { EpochFieldsFragment } from './epoch-fields.fragment';
import { graphql } from './graphql';
import { RunStateFragment } from './run-state.fragment';

/**
 * The fields of `type Run` one grid cell needs: its place in the grid and
 * repeat, where it stands (the {@link RunStateFragment} a live update carries), its current attempt's validation accuracy by
 * epoch (`valAccuracies[i]` is epoch i + 1's, null where none is stored) for
 * the sparkline and the best value (to four significant digits: a chart and a
 * percentage with one decimal need no more, and at full precision these series
 * were most of a 1,000-run page), and its newest epoch (masked: read it with
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
      ...RunState
      valAccuracies: series(metric: VAL_ACCURACY, significantDigits: 4)
      latestEpoch {
        ...EpochFields
      }
    }
  `,
  [EpochFieldsFragment, RunStateFragment],
);

/** One run as {@link RunCellFragment} selects it. */
export type RunCell = ResultOf<typeof RunCellFragment>;
