import { gql } from 'urql';

import { EpochFieldsFragment, type EpochFields } from './epoch-fields.fragment';
import type { ID } from './types';

/** One event of {@link EpochAddedSubscription}. */
export interface EpochAddedData {
  epochAdded: EpochFields;
}

/** Variables of {@link EpochAddedSubscription}. */
export interface EpochAddedVariables {
  sweepId: ID;
}

/** Streams every epoch stored for any run of a sweep, as it commits. */
export const EpochAddedSubscription = gql<EpochAddedData, EpochAddedVariables>`
  subscription EpochAdded($sweepId: ID!) {
    epochAdded(sweepId: $sweepId) {
      ...EpochFields
    }
  }
  ${EpochFieldsFragment}
`;
