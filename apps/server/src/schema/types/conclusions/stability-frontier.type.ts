import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { FrontierPoint as FrontierPointResult, StabilityFrontier as StabilityFrontierResult } from '@sweepscope/conclusions';

/** How the largest stable learning rate moves as the batch grows. */
export enum FrontierTrend {
  GROWS = 'grows',
  SHRINKS = 'shrinks',
  FLAT = 'flat',
  MIXED = 'mixed',
  UNKNOWN = 'unknown',
}
registerEnumType(FrontierTrend, {
  name: 'FrontierTrend',
  description:
    'How the largest stable learning rate moves as the batch grows; UNKNOWN when nothing diverged or was unstable, or fewer than two batch sizes have a stable one.',
});

/** The stability limit at one batch size. */
@ObjectType({ simpleResolvers: true, description: 'The stability limit at one batch size.' })
export class FrontierPoint implements FrontierPointResult {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The largest learning rate with a run that learned and none that diverged or was unstable; null when none did.',
  })
  largestStableLearningRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The smallest learning rate with a run that diverged or was unstable; null when none did (the limit lies above the grid).',
  })
  smallestUnstableLearningRate!: number | null;
}

/** Where training stops being stable. */
@ObjectType({ simpleResolvers: true, description: 'Where training stops being stable, per batch size.' })
export class StabilityFrontier implements StabilityFrontierResult {
  @Field(() => [FrontierPoint])
  points!: FrontierPoint[];

  @Field(() => FrontierTrend)
  trend!: FrontierTrend;
}
