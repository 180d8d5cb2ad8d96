import { gql } from 'urql';

import { EpochFieldsFragment, type EpochFields } from './epoch-fields.fragment';
import type { ID, RunStatus } from './types';

/** The fields of `type Run` that one grid cell needs. */
export interface RunCell {
  id: ID;
  sweepId: ID;
  batchSize: number;
  learningRate: number;
  status: RunStatus;
  backend: string | null;
  error: string | null;
  /** Epochs finished so far. */
  epochsDone: number;
  /** The newest finished epoch, or null before the first. */
  latestEpoch: EpochFields | null;
}

/** Fragment selecting {@link RunCell} on `Run`. */
export const RunCellFragment = gql<RunCell>`
  fragment RunCell on Run {
    id
    sweepId
    batchSize
    learningRate
    status
    backend
    error
    epochsDone
    latestEpoch {
      ...EpochFields
    }
  }
  ${EpochFieldsFragment}
`;
