import type { ResultOf } from 'gql.tada';

import { CellRankFieldsFragment, RunFailureFieldsFragment, RunReferenceFieldsFragment } from './conclusions-fields.fragment';
import { graphql } from './graphql';
import { RunCountsFragment } from './run-counts.fragment';

/**
 * Everything the Conclusions page shows about one sweep: the sweep's name,
 * grid axes and the cursor of its newest event (after which the page
 * subscribes), and every typed conclusion with its sentences. `conclusions`
 * answers NOT_FOUND for an unknown sweep (and `sweep` is then null).
 */
export const ConclusionsQuery = graphql(
  `
    query Conclusions($id: ID!) {
      sweep(id: $id) {
        id
        name
        epochs
        repeats
        builtIn
        readOnly
        status
        batchSizes
        learningRates
        progress {
          ...RunCounts
        }
        eventCursor
      }
      conclusions(sweepId: $id) {
        sweepId
        plannedEpochs
        bestCell {
          ...CellRankFields
        }
        rankingByFinal {
          ...CellRankFields
        }
        rankingByBest {
          ...CellRankFields
        }
        bestLearningRates {
          batchSize
          learningRates
          valAccuracy
          triedLearningRates
          edge
        }
        scaling {
          points {
            batchSize
            learningRate
            edge
          }
          slope
          slopeStandardError
          gridLogStep
          batchLogRange
          slopeStep
          resolvesRules
          closerTo
        }
        noiseScale {
          criticalBatchSize {
            value
            runsLow
            runsHigh
            epochsLow
            epochsHigh
            runs
            epochs
          }
          maxLearningRate
          points {
            batchSize
            measured
            predicted
            gridSteps
          }
          predictedSlope
          agrees
        }
        overfitting {
          runId
          batchSize
          learningRate
          repeat
          epoch
          accuracy
          valAccuracy
          gap
          minValLoss
          minValLossEpoch
          finalValLoss
          valLossRise
          valLossRose
        }
        speed {
          runId
          batchSize
          learningRate
          repeat
          bestValAccuracy
          bestEpoch
          threshold
          epochsToThreshold
        }
        failures {
          ...RunFailureFields
        }
        neverRunCells {
          batchSize
          learningRate
        }
        notRunYet {
          ...RunReferenceFields
        }
        stoppedRuns {
          ...RunFailureFields
        }
        unstableRuns {
          runId
          batchSize
          learningRate
          repeat
          kind
          reason
          finalLoss
          finalValAccuracy
          bestValAccuracy
        }
        unfinishedRuns {
          ...RunReferenceFields
        }
        frontier {
          points {
            batchSize
            largestStableLearningRate
            smallestUnstableLearningRate
          }
          trend
        }
        repeats {
          test
          level
          minRepeats
          testable
          best {
            batchSize
            learningRate
          }
          cells {
            batchSize
            learningRate
            repeats
            mean
            standardDeviation
          }
          comparisons {
            batchSize
            learningRate
            repeats
            verdict
            difference
            intervalLow
            intervalHigh
            t
            degreesOfFreedom
            pValue
            adjustedPValue
          }
        }
        reference {
          referenceEpochs
          plannedEpochs
          sharedCells
          spearmanRho
          cells {
            batchSize
            learningRate
            referenceRun
            reference {
              loss
              accuracy
              valLoss
              valAccuracy
            }
            ours {
              loss
              accuracy
              valLoss
              valAccuracy
              repeats
            }
          }
          learningRateMatters {
            claim
            checkable
            reference {
              acrossLearningRates
              acrossBatchSizes
            }
            ours {
              acrossLearningRates
              acrossBatchSizes
            }
            referenceHolds
            oursHolds
            agrees
          }
          smallerRateForLargerBatch {
            claim
            checkable
            comparisons {
              batchSize
              lowerLearningRate
              higherLearningRate
              reference {
                lower
                higher
              }
              ours {
                lower
                higher
              }
            }
            referenceHolds
            oursHolds
            agrees
          }
          protocolDifferences {
            setting
            reference
            ours
          }
        }
        findings {
          topic
          text
        }
      }
    }
  `,
  [RunCountsFragment, CellRankFieldsFragment, RunFailureFieldsFragment, RunReferenceFieldsFragment],
);

/** What {@link ConclusionsQuery} returns. */
export type ConclusionsQueryData = ResultOf<typeof ConclusionsQuery>;

/** The sweep's conclusions as {@link ConclusionsQuery} reads them. */
export type SweepConclusions = NonNullable<ConclusionsQueryData['conclusions']>;

/** The sweep fields {@link ConclusionsQuery} reads beside its conclusions. */
export type ConclusionsSweep = NonNullable<ConclusionsQueryData['sweep']>;
