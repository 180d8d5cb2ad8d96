import { EpochFieldsFragment } from './epoch-fields.fragment';
import { graphql } from './graphql';

/**
 * One run's epochs, every attempt's, stored after `$after` (null replays the
 * run's whole history), then live; each event once, in commit order. An epoch
 * stored again (rewritten) comes again with the same attempt and number.
 */
export const RunEpochsSubscription = graphql(
  `
    subscription RunEpochs($runId: ID!, $after: String) {
      runEpochs(runId: $runId, after: $after) {
        cursor
        kind
        epoch {
          ...EpochFields
        }
      }
    }
  `,
  [EpochFieldsFragment],
);
