import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';

/**
 * Where a run stands, as a `RUN_UPDATED` event of `sweepEvents` carries it:
 * status, attempt, why it ended early (failed, diverged, stopped early or
 * pruned), its last heartbeat (ISO 8601), mean training images per
 * second, and why it did not learn when the conclusions' rules call it
 * unstable (known once it has ended). Its epochs are not here: they come as their own `EPOCH_ADDED` events.
 */
export const RunStateFragment = graphql(`
  fragment RunState on Run @_unmask {
    id
    status
    attempt
    backend
    error
    heartbeatAt
    imagesPerSecond
    instability {
      kind
      reason
    }
  }
`);

/** One run as {@link RunStateFragment} selects it. */
export type RunState = ResultOf<typeof RunStateFragment>;
