import { graphql } from './graphql';

/**
 * Queues a failed, diverged or cancelled run again: by default it resumes
 * from its last checkpoint on the same attempt, keeping its epochs; with
 * `$fromScratch` it starts its next attempt from epoch 1, and the earlier
 * attempts' epochs stay readable. The API refuses any other status with
 * CONFLICT.
 */
export const RetryRunMutation = graphql(`
  mutation RetryRun($id: ID!, $fromScratch: Boolean! = false) {
    retryRun(id: $id, fromScratch: $fromScratch) {
      id
      status
      attempt
    }
  }
`);
