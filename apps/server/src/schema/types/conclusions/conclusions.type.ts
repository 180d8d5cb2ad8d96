import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Conclusions as ConclusionsResult } from '@sweepscope/conclusions';
import { CellAddress, CellRank } from './cell-rank.type.js';
import { Finding } from './finding.type.js';
import { BestLearningRate } from './best-learning-rate.type.js';
import { LearningRateScaling } from './learning-rate-scaling.type.js';
import { NoiseScalePrediction } from './noise-scale-prediction.type.js';
import { ReferenceComparison } from './reference-comparison.type.js';
import { RepeatComparison } from './repeat-comparison.type.js';
import { RunFailure, RunReference } from './run-failure.type.js';
import { RunOverfitting } from './run-overfitting.type.js';
import { RunSpeed } from './run-speed.type.js';
import { StabilityFrontier } from './stability-frontier.type.js';
import { UnstableRun } from './unstable-run.type.js';

/** Everything a sweep's data supports. */
@ObjectType({ simpleResolvers: true, description: "Conclusions computed from a sweep's data alone: typed numbers, and the same as sentences in `findings`." })
export class Conclusions implements ConclusionsResult {
  @Field(() => ID)
  sweepId!: number;

  @Field(() => Int)
  plannedEpochs!: number;

  @Field(() => CellRank, { nullable: true, description: 'The cell of the highest mean final validation accuracy; null before any run finishes.' })
  bestCell!: CellRank | null;

  @Field(() => [CellRank], { description: 'Cells with a finished run that learned, best first, by mean final validation accuracy.' })
  rankingByFinal!: CellRank[];

  @Field(() => [CellRank], { description: "The same cells by the mean of each run's best validation accuracy." })
  rankingByBest!: CellRank[];

  @Field(() => [BestLearningRate], { description: 'Per batch size with a finished cell, ascending.' })
  bestLearningRates!: BestLearningRate[];

  @Field(() => LearningRateScaling)
  scaling!: LearningRateScaling;

  @Field(() => NoiseScalePrediction, {
    nullable: true,
    description:
      'What the gradient noise scale measured during training predicts of the best learning rate per batch size, beside the grid; null when no run measured it.',
  })
  noiseScale!: NoiseScalePrediction | null;

  @Field(() => [RunOverfitting], { description: 'Per finished run.' })
  overfitting!: RunOverfitting[];

  @Field(() => [RunSpeed], { description: 'Per finished run.' })
  speed!: RunSpeed[];

  @Field(() => [RunFailure], { description: 'Runs that failed or diverged.' })
  failures!: RunFailure[];

  @Field(() => [RunFailure], {
    description:
      'Runs early stopping or the pruner ended, with why (in `error`). A run stopped early counts with its best epoch; a pruned one counts toward no value.',
  })
  stoppedRuns!: RunFailure[];

  @Field(() => [UnstableRun], { description: 'Runs that succeeded but did not learn: left out of every ranking, fit and diagnosis above.' })
  unstableRuns!: UnstableRun[];

  @Field(() => [CellAddress], { description: 'Cells of the grid no run was asked for.' })
  neverRunCells!: CellAddress[];

  @Field(() => [RunReference], { description: 'Runs queued, or cancelled, before their first epoch.' })
  notRunYet!: RunReference[];

  @Field(() => [RunReference], { description: 'Runs with epochs that have not finished: running, or stopped part-way.' })
  unfinishedRuns!: RunReference[];

  @Field(() => StabilityFrontier)
  frontier!: StabilityFrontier;

  @Field(() => RepeatComparison)
  repeats!: RepeatComparison;

  @Field(() => ReferenceComparison, { nullable: true, description: "Null when the sweep holds none of the reference study's cells." })
  reference!: ReferenceComparison | null;

  @Field(() => [Finding], { description: 'Every conclusion as a sentence with the numbers it rests on.' })
  findings!: Finding[];
}
