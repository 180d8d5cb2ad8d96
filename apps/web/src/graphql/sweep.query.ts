import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';
import { RunCellFragment } from './run-cell.fragment';
import { SweepSettingsFragment } from './sweep-settings.fragment';

/**
 * One sweep with everything its page shows: its settings ({@link SweepSettingsFragment}), status, the grid (batch sizes as rows,
 * learning rates as columns, ascending, and a cell for every combination, with
 * no runs where none was asked for) with each run's state, its current
 * attempt's validation accuracy by epoch and its newest epoch, and the cursor
 * of its newest event when read, after which the page subscribes. `sweep` is
 * null for an unknown id.
 */
export const SweepQuery = graphql(
  `
    query Sweep($id: ID!) {
      sweep(id: $id) {
        ...SweepSettings
        classes
        builtIn
        createdAt
        status
        grid {
          batchSizes
          learningRates
          cells {
            batchSize
            learningRate
            runs {
              ...RunCell
            }
          }
        }
        eventCursor
      }
    }
  `,
  [RunCellFragment, SweepSettingsFragment],
);

/** What {@link SweepQuery} returns. */
export type SweepQueryData = ResultOf<typeof SweepQuery>;

/** The sweep {@link SweepQuery} reads; its cells' runs are masked {@link RunCellFragment}s. */
export type SweepDetail = NonNullable<SweepQueryData['sweep']>;
