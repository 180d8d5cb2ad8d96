import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { scalingRules, type LearningRateScaling as LearningRateScalingResult, type ScalingPoint as ScalingPointResult } from '@sweepscope/conclusions';
import { GridEdge } from './best-learning-rate.type.js';

/** A published rule for scaling the learning rate with the batch. */
export enum ScalingRule {
  LINEAR = 'linear',
  SQUARE_ROOT = 'square-root',
}
registerEnumType(ScalingRule, {
  name: 'ScalingRule',
  description: `LINEAR: the Linear Scaling Rule (Goyal et al. 2017), slope ${scalingRules.linear}. SQUARE_ROOT: square-root scaling, slope ${scalingRules.squareRoot}.`,
});

/** One batch size in the scaling fit. */
@ObjectType({ simpleResolvers: true, description: 'One batch size in the scaling fit.' })
export class ScalingPoint implements ScalingPointResult {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float, { description: 'Its best learning rate; the geometric mean of the best ones when several tie.' })
  learningRate!: number;

  @Field(() => GridEdge, { nullable: true })
  edge!: GridEdge | null;
}

/** How the best learning rate scales with batch size. */
@ObjectType({ simpleResolvers: true, description: 'How the best learning rate scales with batch size, and how finely the grid can tell.' })
export class LearningRateScaling implements LearningRateScalingResult {
  @Field(() => [ScalingPoint], { description: 'Batch sizes with at least two learning rates tried.' })
  points!: ScalingPoint[];

  @Field(() => Float, { nullable: true, description: 'Least-squares slope of ln(best learning rate) against ln(batch size); null with fewer than two points.' })
  slope!: number | null;

  @Field(() => Float, { nullable: true, description: 'Standard error of the slope; null with fewer than three points.' })
  slopeStandardError!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median ln ratio between neighbouring learning rates tried: ln 10 for a grid of decades.' })
  gridLogStep!: number | null;

  @Field(() => Float, { nullable: true, description: 'ln(largest / smallest batch size) over the points.' })
  batchLogRange!: number | null;

  @Field(() => Float, { nullable: true, description: 'gridLogStep / batchLogRange: the smallest change of slope the grid can show.' })
  slopeStep!: number | null;

  @Field(() => Boolean, {
    description: `Whether slopeStep ≤ ${scalingRules.linear - scalingRules.squareRoot}, the gap between the two rules, so the grid can tell them apart.`,
  })
  resolvesRules!: boolean;

  @Field(() => ScalingRule, { nullable: true, description: 'The rule nearer the fitted slope; null without a fit, for a slope ≤ 0, or exactly between.' })
  closerTo!: ScalingRule | null;
}
