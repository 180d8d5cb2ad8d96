import type { ResultOf } from 'gql.tada';

import { EpochFieldsFragment } from './epoch-fields.fragment';
import { graphql } from './graphql';
import { RunStateFragment } from './run-state.fragment';

/**
 * A sweep's stored events after `$after` (the sweep query's `eventCursor`;
 * null replays its whole history), then live, each once in commit order:
 * `epoch` is set for EPOCH_ADDED (an epoch stored, or stored again with the
 * same attempt and number), `run` for RUN_UPDATED (the run as it is when the
 * event is sent, as {@link RunStateFragment} selects it).
 */
export const SweepEventsSubscription = graphql(
  `
    subscription SweepEvents($sweepId: ID!, $after: String) {
      sweepEvents(sweepId: $sweepId, after: $after) {
        cursor
        kind
        epoch {
          ...EpochFields
        }
        run {
          ...RunState
        }
      }
    }
  `,
  [EpochFieldsFragment, RunStateFragment],
);

/** One event as {@link SweepEventsSubscription} delivers it. */
export type SweepEventData = ResultOf<typeof SweepEventsSubscription>['sweepEvents'];
