import type { ResultOf, VariablesOf } from 'gql.tada';

import { graphql } from './graphql';
import { SweepSummaryFragment } from './sweep-summary.fragment';

/** The API's largest page of sweeps: the list shows this many, newest first. */
export const SWEEP_LIST_SIZE = 100;

/**
 * The newest sweeps (up to `$first`, at most 100), optionally only those with
 * one status, one tag, or text in their name or notes, with how many match in all.
 */
export const SweepsQuery = graphql(
  `
    query Sweeps($status: SweepStatus, $tag: String, $search: String, $first: Int!) {
      sweeps(status: $status, tag: $tag, search: $search, first: $first) {
        totalCount
        nodes {
          ...SweepSummary
        }
      }
    }
  `,
  [SweepSummaryFragment],
);

/** What {@link SweepsQuery} returns. */
export type SweepsQueryData = ResultOf<typeof SweepsQuery>;

/** What {@link SweepsQuery} takes. */
export type SweepsQueryVariables = VariablesOf<typeof SweepsQuery>;
