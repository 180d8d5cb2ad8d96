import type {
  CriticalBatchSize as CriticalBatchSizeResult,
  NoiseScalePrediction as NoiseScalePredictionResult,
  PredictedLearningRate as PredictedLearningRateResult,
} from '@sweepscope/conclusions';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/** The critical batch size as the gradient noise scale measured it. */
@ObjectType({
  simpleResolvers: true,
  description:
    'The critical batch size as the gradient noise scale B_simple measured it while the runs trained (runs that diverged or failed left out), in images.',
})
export class CriticalBatchSize implements CriticalBatchSizeResult {
  @Field(() => Float, { description: "The median over those runs of each run's median B_simple over its epochs." })
  value!: number;

  @Field(() => Float, { description: 'The smallest per-run median: the spread across runs.' })
  runsLow!: number;

  @Field(() => Float, { description: 'The largest per-run median.' })
  runsHigh!: number;

  @Field(() => Float, { description: "The lower quartile of every epoch's B_simple: the spread across epochs." })
  epochsLow!: number;

  @Field(() => Float, { description: "The upper quartile of every epoch's B_simple." })
  epochsHigh!: number;

  @Field(() => Int)
  runs!: number;

  @Field(() => Int)
  epochs!: number;

  @Field(() => Boolean, { description: 'Whether the runs were those of the best learning rates (else every run that measured it).' })
  fromBestRuns!: boolean;
}

/** One batch size of the grid beside the prediction. */
@ObjectType({ simpleResolvers: true, description: "One batch size of the grid: its best learning rate beside the noise scale's prediction." })
export class PredictedLearningRate implements PredictedLearningRateResult {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float, { description: "The grid's best learning rate there (the geometric mean of ties)." })
  measured!: number;

  @Field(() => Float, { description: 'ε_opt(B) = ε_max / (1 + B_crit / B).' })
  predicted!: number;

  @Field(() => Float, { description: 'ln(measured / predicted) in learning-rate grid steps: within ±1 the grid cannot tell them apart.' })
  gridSteps!: number;
}

/** What the gradient noise scale predicts of the best learning rate per batch size. */
@ObjectType({
  simpleResolvers: true,
  description:
    'What the gradient noise scale measured during training predicts (McCandlish et al. 2018): the critical batch size B_crit, and the best learning rate per batch size ε_opt(B) = ε_max / (1 + B_crit / B), with ε_max fitted in log terms to the grid, compared with the grid in its own learning-rate steps.',
})
export class NoiseScalePrediction implements NoiseScalePredictionResult {
  @Field(() => CriticalBatchSize)
  criticalBatchSize!: CriticalBatchSize;

  @Field(() => Float, { nullable: true, description: 'ε_max of the predicted curve; null when the grid resolves no best learning rate.' })
  maxLearningRate!: number | null;

  @Field(() => [PredictedLearningRate])
  points!: PredictedLearningRate[];

  @Field(() => Float, { nullable: true, description: "The prediction's mean log–log slope over the grid's batch range; null with fewer than two points." })
  predictedSlope!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether every point lies within one learning-rate grid step of the prediction; null without points.' })
  agrees!: boolean | null;
}
