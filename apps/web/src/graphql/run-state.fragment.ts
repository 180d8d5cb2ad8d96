import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';

/**
 * Where a run stands, as a `RUN_UPDATED` event of `sweepEvents` carries it:
 * status, attempt, why it ended early (failed, diverged, stopped early or
 * pruned), its last heartbeat (ISO 8601) and mean training images per
 * second. Its epochs are not here: they come as their own `EPOCH_ADDED` events.
 */
export const RunStateFragment = graphql(`
  fragment RunState on Run {
    id
    status
    attempt
    backend
    error
    heartbeatAt
    imagesPerSecond
  }
`);

/** One run as {@link RunStateFragment} selects it. */
export type RunState = ResultOf<typeof RunStateFragment>;
