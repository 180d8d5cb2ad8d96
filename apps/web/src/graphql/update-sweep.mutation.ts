import type { VariablesOf } from 'gql.tada';

import { graphql } from './graphql';

/**
 * Renames a sweep or changes its tags or notes: only the fields given change.
 * The API refuses a value over its limit with BAD_USER_INPUT naming the field,
 * and a read-only sweep with CONFLICT.
 */
export const UpdateSweepMutation = graphql(`
  mutation UpdateSweep($id: ID!, $input: UpdateSweepInput!) {
    updateSweep(id: $id, input: $input) {
      id
      name
      tags
      notes
    }
  }
`);

/** What {@link UpdateSweepMutation} takes. */
export type UpdateSweepVariables = VariablesOf<typeof UpdateSweepMutation>;
