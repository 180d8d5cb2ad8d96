import { gql } from 'urql';

import { EpochFieldsFragment, type EpochFields } from './epoch-fields.fragment';
import type { ID } from './types';

/** One event of {@link SweepEventsSubscription}. */
export interface SweepEventsData {
  sweepEvents: {
    cursor: string;
    kind: 'EPOCH_ADDED' | 'RUN_UPDATED';
    /** The stored epoch, for EPOCH_ADDED. */
    epoch: EpochFields | null;
  };
}

/** Variables of {@link SweepEventsSubscription}. */
export interface SweepEventsVariables {
  sweepId: ID;
  /** Replay only what came after this cursor (the sweep query's eventCursor). */
  after: string | null;
}

/** A sweep's stored epochs and run status changes after a cursor, then live. */
export const SweepEventsSubscription = gql<SweepEventsData, SweepEventsVariables>`
  subscription SweepEvents($sweepId: ID!, $after: String) {
    sweepEvents(sweepId: $sweepId, after: $after) {
      cursor
      kind
      epoch {
        ...EpochFields
      }
    }
  }
  ${EpochFieldsFragment}
`;
