import { gql } from 'urql';

import { EpochFieldsFragment, type EpochFields } from './epoch-fields.fragment';
import type { ID, RunStatus } from './types';

/** A run with its full epoch history, for the loss chart. */
export interface RunEpochs {
  id: ID;
  status: RunStatus;
  epochs: EpochFields[];
}

/** Result of {@link RunEpochsQuery}; `run` is null for an unknown id. */
export interface RunEpochsQueryData {
  run: RunEpochs | null;
}

/** Variables of {@link RunEpochsQuery}. */
export interface RunEpochsQueryVariables {
  id: ID;
}

/** Loads every stored epoch of one run. */
export const RunEpochsQuery = gql<RunEpochsQueryData, RunEpochsQueryVariables>`
  query RunEpochs($id: ID!) {
    run(id: $id) {
      id
      status
      epochs {
        ...EpochFields
      }
    }
  }
  ${EpochFieldsFragment}
`;
