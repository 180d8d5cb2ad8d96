import { graphql } from './graphql';

/**
 * Cancels a queued or running run (a running one stops after its epoch in
 * flight). The API refuses it with CONFLICT once the run has ended, and with
 * CONFLICT for a read-only sweep's run.
 */
export const CancelRunMutation = graphql(`
  mutation CancelRun($id: ID!) {
    cancelRun(id: $id) {
      id
      status
      attempt
    }
  }
`);
