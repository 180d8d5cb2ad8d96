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
  sweeps: SweepSummary[];
}

/** Lists every sweep for the home page. */
export const SweepsQuery = gql<SweepsQueryData, Record<string, never>>`
  query Sweeps {
    sweeps {
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
`;
