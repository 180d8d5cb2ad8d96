import { EpochFieldsFragment } from './epoch-fields.fragment';
import { graphql } from './graphql';
import { RunOverviewFragment } from './run-overview.fragment';

/**
 * One run for its curves: the overview (masked: read it with
 * `readFragment(RunOverviewFragment, …)`) and every stored epoch of its
 * current attempt, in order. `run` is null for an unknown id.
 */
export const RunCurvesQuery = graphql(
  `
    query RunCurves($id: ID!) {
      run(id: $id) {
        ...RunOverview
        epochs {
          ...EpochFields
        }
      }
    }
  `,
  [RunOverviewFragment, EpochFieldsFragment],
);
