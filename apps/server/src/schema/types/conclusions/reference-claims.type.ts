import { Field, Float, Int, ObjectType } from 'type-graphql';
import type {
  AxisSpread as AxisSpreadResult,
  LearningRateMattersCheck as LearningRateMattersCheckResult,
  LowerRateComparison as LowerRateComparisonResult,
  SmallerRateForLargerBatchCheck as SmallerRateForLargerBatchCheckResult,
} from '@sweepscope/conclusions';

/** How much final validation accuracy moves along each axis. */
@ObjectType({
  simpleResolvers: true,
  description: 'How much final validation accuracy moves along each axis: max − min within a group, averaged over groups of two or more cells, 0–1.',
})
export class AxisSpread implements AxisSpreadResult {
  @Field(() => Float, { description: 'Across learning rates, within a batch size.' })
  acrossLearningRates!: number;

  @Field(() => Float, { description: 'Across batch sizes, within a learning rate.' })
  acrossBatchSizes!: number;
}

/** The check of "the learning rate matters most". */
@ObjectType({
  simpleResolvers: true,
  description: 'The reference’s first finding, “the learning rate matters most”, checked on both studies’ numbers over the cells both finished.',
})
export class LearningRateMattersCheck implements LearningRateMattersCheckResult {
  @Field(() => String)
  claim!: string;

  @Field(() => Boolean, { description: 'Whether the shared cells hold a batch size with two learning rates and a learning rate with two batch sizes.' })
  checkable!: boolean;

  @Field(() => AxisSpread, { nullable: true })
  reference!: AxisSpread | null;

  @Field(() => AxisSpread, { nullable: true })
  ours!: AxisSpread | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the spread across learning rates exceeds that across batch sizes, on the reference’s numbers.',
  })
  referenceHolds!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The same on this sweep’s numbers.' })
  oursHolds!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  agrees!: boolean | null;
}

/** Final validation accuracy at a batch size's lower and higher learning rate. */
@ObjectType({ simpleResolvers: true, description: 'Final validation accuracy, 0–1, at the lower and the higher learning rate.' })
export class AccuracyPair {
  @Field(() => Float)
  lower!: number;

  @Field(() => Float)
  higher!: number;
}

/** One larger batch size's lower and higher learning rates compared. */
@ObjectType({ simpleResolvers: true, description: 'One larger batch size: its lowest and highest shared learning rates, in both studies.' })
export class LowerRateComparison implements LowerRateComparisonResult {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  lowerLearningRate!: number;

  @Field(() => Float)
  higherLearningRate!: number;

  @Field(() => AccuracyPair)
  reference!: AccuracyPair;

  @Field(() => AccuracyPair)
  ours!: AccuracyPair;
}

/** The check of "a smaller learning rate for a larger batch did not help". */
@ObjectType({
  simpleResolvers: true,
  description: 'The reference’s second finding, “a smaller learning rate for a larger batch did not help”, checked on both studies’ numbers.',
})
export class SmallerRateForLargerBatchCheck implements SmallerRateForLargerBatchCheckResult {
  @Field(() => String)
  claim!: string;

  @Field(() => Boolean, { description: 'Whether a batch size above the smallest shared one has two learning rates both studies finished.' })
  checkable!: boolean;

  @Field(() => [LowerRateComparison])
  comparisons!: LowerRateComparison[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether, at every compared batch size, the lower learning rate did no better, on the reference’s numbers.',
  })
  referenceHolds!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The same on this sweep’s numbers.' })
  oursHolds!: boolean | null;

  @Field(() => Boolean, { nullable: true })
  agrees!: boolean | null;
}
