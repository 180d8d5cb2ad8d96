import { gql } from 'urql';

import type { DateTimeISO, ID, SweepStatus } from './types';

/** One row of the sweep list. */
export interface SweepSummary {
  id: ID;
  name: string;
  dataset: string;
  status: SweepStatus;
  createdAt: DateTimeISO;
  /** Only the ids: the list shows how many runs a sweep has. */
  runs: { id: ID }[];
}

/** Result of {@link SweepsQuery}. */
export interface SweepsQueryData {
  sweeps: { nodes: SweepSummary[]; totalCount: number };
}

/** Lists the newest sweeps (the API's largest page) for the home page. */
export const SweepsQuery = gql<SweepsQueryData, Record<string, never>>`
  query Sweeps {
    sweeps(first: 100) {
      totalCount
      nodes {
        id
        name
        dataset
        status
        createdAt
        runs {
          id
        }
      }
    }
  }
`;
