import type { ResultOf } from 'gql.tada';

import { graphql } from './graphql';
import { SweepSettingsFragment } from './sweep-settings.fragment';

/**
 * A probe sweep's plan (null for a sweep that is not a probe): where it
 * stands, the critical batch size measured so far, and the proposed cells,
 * with the settings a sweep made from it starts from (those of
 * {@link SweepSettingsFragment}, its data folder and divergence factor).
 */
export const SweepPlanQuery = graphql(
  `
    query SweepPlan($id: ID!) {
      sweep(id: $id) {
        ...SweepSettings
        dataDir
        divergenceFactor
        plan {
          state
          criticalBatchSize
          epoch
          maxLearningRate
          cells {
            batchSize
            learningRate
          }
          cellsText
          summary
        }
      }
    }
  `,
  [SweepSettingsFragment],
);

/** The probe sweep {@link SweepPlanQuery} reads. */
export type PlannedSweep = NonNullable<ResultOf<typeof SweepPlanQuery>['sweep']>;

/** A probe's plan as {@link SweepPlanQuery} reads it. */
export type SweepPlan = NonNullable<PlannedSweep['plan']>;
