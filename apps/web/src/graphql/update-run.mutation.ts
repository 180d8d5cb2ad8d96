import { graphql } from './graphql';

/**
 * Changes a run's tags or notes: only the fields given change. The API refuses
 * a value over its limit with BAD_USER_INPUT naming the field, and a run of a
 * read-only sweep with CONFLICT.
 */
export const UpdateRunMutation = graphql(`
  mutation UpdateRun($id: ID!, $input: UpdateRunInput!) {
    updateRun(id: $id, input: $input) {
      id
      tags
      notes
    }
  }
`);
