import { graphql } from './graphql';

/**
 * Which runs a sweep's events concern, after `$after` (the sweep's
 * `eventCursor`; null replays its whole history), then live: the run of each
 * stored epoch (EPOCH_ADDED) and of each change of status or attempt
 * (RUN_UPDATED). A page watching one run refetches it on its own events.
 */
export const SweepActivitySubscription = graphql(`
  subscription SweepActivity($sweepId: ID!, $after: String) {
    sweepEvents(sweepId: $sweepId, after: $after) {
      cursor
      kind
      epoch {
        id
        runId
      }
      run {
        id
        status
        attempt
      }
    }
  }
`);
