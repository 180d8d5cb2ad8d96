import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';

/**
 * A sweep's runs by status, as the RunCounts line shows them. Unmasked: the sweep list and
 * the Conclusions page read it as fields of their own queries.
 */
export const RunCountsFragment = graphql(`
  fragment RunCounts on SweepProgress @_unmask {
    runs
    queued
    running
    succeeded
    failed
    diverged
    cancelled
    stoppedEarly
    pruned
  }
`);

/** A sweep's runs by status, as {@link RunCountsFragment} selects them. */
export type RunCountsData = ResultOf<typeof RunCountsFragment>;
