import { graphql } from './graphql';

/**
 * Cancels every queued and running run of a sweep (a running one stops after
 * its epoch in flight); ended runs stay as they are. The API refuses a
 * read-only sweep with CONFLICT and an unknown one with NOT_FOUND.
 */
export const CancelSweepMutation = graphql(`
  mutation CancelSweep($id: ID!) {
    cancelSweep(id: $id) {
      id
      status
    }
  }
`);
