import { gql } from 'urql';

import type { ID } from './types';

/** The fields of `type Epoch` that the dashboard shows. */
export interface EpochFields {
  id: ID;
  runId: ID;
  sweepId: ID;
  /** Epoch number as stored by the trainer. */
  epoch: number;
  /** Mean training loss over the epoch. */
  loss: number;
  /** Training accuracy over the epoch, a fraction in [0, 1]. */
  accuracy: number;
  /** Validation loss after the epoch. */
  valLoss: number;
  /** Validation accuracy after the epoch, a fraction in [0, 1]. */
  valAccuracy: number;
  /** Wall time of the epoch in milliseconds. */
  durationMs: number | null;
  imagesPerSecond: number | null;
}

/** Fragment selecting {@link EpochFields} on `Epoch`. */
export const EpochFieldsFragment = gql<EpochFields>`
  fragment EpochFields on Epoch {
    id
    runId
    sweepId
    epoch
    loss
    accuracy
    valLoss
    valAccuracy
    durationMs
    imagesPerSecond
  }
`;
