import { graphql } from './graphql';

/**
 * Queues a failed, diverged or cancelled run again as its next attempt, from
 * epoch 1; the earlier attempts' epochs stay readable. The API refuses any
 * other status with CONFLICT.
 */
export const RetryRunMutation = graphql(`
  mutation RetryRun($id: ID!) {
    retryRun(id: $id) {
      id
      status
      attempt
    }
  }
`);
