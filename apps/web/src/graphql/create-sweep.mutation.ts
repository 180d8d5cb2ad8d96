import type { VariablesOf } from 'gql.tada';

import { graphql } from './graphql';
import { SweepSummaryFragment } from './sweep-summary.fragment';

/**
 * Stores a sweep and queues its runs. A refused value comes back as a
 * BAD_USER_INPUT error whose `extensions.field` names the input field, e.g.
 * `['epochs']`.
 */
export const CreateSweepMutation = graphql(
  `
    mutation CreateSweep($input: CreateSweepInput!) {
      createSweep(input: $input) {
        id
        ...SweepSummary
      }
    }
  `,
  [SweepSummaryFragment],
);

/** What {@link CreateSweepMutation} takes. */
export type CreateSweepVariables = VariablesOf<typeof CreateSweepMutation>;
