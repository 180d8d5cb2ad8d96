import { graphql } from './graphql';

/**
 * Queues a probe of the sweep the New sweep form describes: its middle cell,
 * trained briefly to measure the gradient noise scale. Refused like
 * `createSweep`, BAD_USER_INPUT naming the field. Returns the probe sweep,
 * whose page shows the plan as it forms.
 */
export const PlanSweepMutation = graphql(`
  mutation PlanSweep($input: CreateSweepInput!) {
    planSweep(input: $input) {
      id
    }
  }
`);
