import { gql } from 'urql';

import { RunCellFragment, type RunCell } from './run-cell.fragment';
import type { DateTimeISO, ID, SweepStatus } from './types';

/** A sweep with everything its grid page shows. */
export interface SweepDetail {
  id: ID;
  name: string;
  dataset: string;
  /** MobileNetV2 width multiplier α. */
  alpha: number;
  /** Input image side in pixels (images are `inputSize × inputSize`). */
  inputSize: number;
  /** Momentum of the batch-norm moving statistics that validation uses. */
  batchNormMomentum: number;
  /** Epochs each run trains for. */
  epochs: number;
  seed: number;
  createdAt: DateTimeISO;
  status: SweepStatus;
  /** Distinct batch sizes, ascending: the grid's rows. */
  batchSizes: number[];
  /** Distinct learning rates, ascending: the grid's columns. */
  learningRates: number[];
  runs: RunCell[];
  /** The newest event's cursor when this was read: live events are asked for after it. */
  eventCursor: string | null;
}

/** Result of {@link SweepQuery}; `sweep` is null for an unknown id. */
export interface SweepQueryData {
  sweep: SweepDetail | null;
}

/** Variables of {@link SweepQuery}. */
export interface SweepQueryVariables {
  id: ID;
}

/** Loads one sweep and the latest state of each of its runs. */
export const SweepQuery = gql<SweepQueryData, SweepQueryVariables>`
  query Sweep($id: ID!) {
    sweep(id: $id) {
      id
      name
      dataset
      alpha
      inputSize
      batchNormMomentum
      epochs
      seed
      createdAt
      status
      batchSizes
      learningRates
      runs {
        ...RunCell
      }
      eventCursor
    }
  }
  ${RunCellFragment}
`;
