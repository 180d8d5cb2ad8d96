import type { ResultOf, VariablesOf } from 'gql.tada';

import { EpochFieldsFragment } from './epoch-fields.fragment';
import { graphql } from './graphql';
import { RunOverviewFragment } from './run-overview.fragment';

/**
 * Everything the run page shows of one run: the overview (masked
 * {@link RunOverviewFragment}), its tags and notes, its worker (host:pid), the backend's note,
 * heartbeat, lease and times (ISO 8601), error, where an import came from,
 * the current attempt's mean training images per second, every interruption
 * (a worker lost or stopped, a retry), and the epochs of `$attempt` (the
 * current attempt when null). `run` is null for an unknown id.
 */
export const RunQuery = graphql(
  `
    query Run($id: ID!, $attempt: Int) {
      run(id: $id) {
        ...RunOverview
        tags
        notes
        worker
        backendNote
        heartbeatAt
        leaseExpiresAt
        startedAt
        finishedAt
        createdAt
        error
        importedFrom
        imagesPerSecond
        interruptions {
          kind
          attempt
          worker
          lastHeartbeatAt
          at
          epochsDone
          reason
          resumedBy
          resumedAt
        }
        epochs(attempt: $attempt) {
          ...EpochFields
        }
      }
    }
  `,
  [RunOverviewFragment, EpochFieldsFragment],
);

/** What {@link RunQuery} returns. */
export type RunQueryData = ResultOf<typeof RunQuery>;

/** What {@link RunQuery} takes. */
export type RunQueryVariables = VariablesOf<typeof RunQuery>;
