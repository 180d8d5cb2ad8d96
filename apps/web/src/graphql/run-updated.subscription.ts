import { gql } from 'urql';

import { RunCellFragment, type RunCell } from './run-cell.fragment';
import type { ID } from './types';

/** One event of {@link RunUpdatedSubscription}. */
export interface RunUpdatedData {
  runUpdated: RunCell;
}

/** Variables of {@link RunUpdatedSubscription}. */
export interface RunUpdatedVariables {
  sweepId: ID;
}

/** Streams each run of a sweep whose status changed. */
export const RunUpdatedSubscription = gql<RunUpdatedData, RunUpdatedVariables>`
  subscription RunUpdated($sweepId: ID!) {
    runUpdated(sweepId: $sweepId) {
      ...RunCell
    }
  }
  ${RunCellFragment}
`;
