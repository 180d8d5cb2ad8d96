import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';
import { RunBestFragment } from './run-best.fragment';
import { RunCountsFragment } from './run-counts.fragment';

/**
 * One row of the sweep list: name, tags, data set, status, age, whether it is the
 * built-in reference study (`builtIn` set), progress (runs by status, epochs
 * done of all it trains) and each run's best epoch (masked: read with
 * `readFragment(RunBestFragment, …)`).
 */
export const SweepSummaryFragment = graphql(
  `
    fragment SweepSummary on Sweep {
      id
      name
      tags
      dataset
      preset
      createdBy
      unstatedSettings
      importedFrom
      status
      createdAt
      builtIn
      readOnly
      epochs
      progress {
        ...RunCounts
        epochsDone
        epochsTotal
        fraction
      }
      runs {
        ...RunBest
      }
    }
  `,
  [RunBestFragment, RunCountsFragment],
);

/** One sweep as {@link SweepSummaryFragment} selects it. */
export type SweepSummary = ResultOf<typeof SweepSummaryFragment>;
