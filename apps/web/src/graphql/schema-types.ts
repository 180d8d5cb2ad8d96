import type { graphql } from './graphql';

/**
 * Enum types of the Sweepscope API, read from the generated schema types (not
 * written by hand): a value the server adds shows up here on regeneration.
 */

/** `enum SweepStatus`: derived by the server from the sweep's runs. */
export type SweepStatus = ReturnType<typeof graphql.scalar<'SweepStatus'>>;

/** `enum RunStatus`: where one run of a sweep stands. */
export type RunStatus = ReturnType<typeof graphql.scalar<'RunStatus'>>;

/** `enum RunSortColumn`: a column the runs list sorts by. */
export type RunSortColumn = ReturnType<typeof graphql.scalar<'RunSortColumn'>>;

/** `enum InstabilityKind`: why a run that trained to its end did not learn. */
export type InstabilityKind = ReturnType<typeof graphql.scalar<'InstabilityKind'>>;

/** `input CreateSweepInput`: what `createSweep` takes. */
export type CreateSweepInput = ReturnType<typeof graphql.scalar<'CreateSweepInput'>>;
