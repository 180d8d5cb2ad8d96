import { Field, Float, Int, ObjectType } from 'type-graphql';
import type {
  FinalMetrics as FinalMetricsResult,
  ReferenceCell as ReferenceCellResult,
  ReferenceComparison as ReferenceComparisonResult,
} from '@sweepscope/conclusions';
import { LearningRateMattersCheck, SmallerRateForLargerBatchCheck } from './reference-claims.type.js';

/** Final metrics of a cell. */
@ObjectType({ simpleResolvers: true, description: "Final metrics of a cell: the reference's last epoch, or the mean over this sweep's finished repeats." })
export class FinalMetrics implements FinalMetricsResult {
  @Field(() => Float)
  loss!: number;

  @Field(() => Float, { description: '0–1.' })
  accuracy!: number;

  @Field(() => Float)
  valLoss!: number;

  @Field(() => Float, { description: '0–1.' })
  valAccuracy!: number;
}

/** This sweep's final metrics of a cell, with the repeats they average. */
@ObjectType({ simpleResolvers: true, description: "This sweep's final metrics of a cell, averaged over its finished repeats." })
export class OurFinalMetrics extends FinalMetrics {
  @Field(() => Int)
  repeats!: number;
}

/** A reference cell this sweep holds. */
@ObjectType({ simpleResolvers: true, description: 'A cell of the reference study this sweep holds, the two results side by side.' })
export class ReferenceCell implements ReferenceCellResult {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Int, { description: "The run's number in the reference's table." })
  referenceRun!: number;

  @Field(() => FinalMetrics)
  reference!: FinalMetrics;

  @Field(() => OurFinalMetrics, { nullable: true, description: 'Null until one of its runs finishes.' })
  ours!: OurFinalMetrics | null;
}

/** One way this sweep's protocol differs from the reference's. */
@ObjectType({
  simpleResolvers: true,
  description: "One way this sweep's protocol differs from the reference study's: a setting that could explain where their results disagree.",
})
export class ProtocolDifference {
  @Field(() => String, { description: 'What differs: "starting weights", "width multiplier", "input size", "training set" or "epochs".' })
  setting!: string;

  @Field(() => String, { description: "The reference's value, in words." })
  reference!: string;

  @Field(() => String, { description: "This sweep's value, in words." })
  ours!: string;
}

/** This sweep beside the reference study. */
@ObjectType({ simpleResolvers: true, description: 'This sweep beside the reference study (seed-experiment.md), over the cells both hold.' })
export class ReferenceComparison implements ReferenceComparisonResult {
  @Field(() => Int)
  referenceEpochs!: number;

  @Field(() => Int)
  plannedEpochs!: number;

  @Field(() => [ReferenceCell], { description: "The reference cells this sweep has runs for, in the reference's order." })
  cells!: ReferenceCell[];

  @Field(() => Int, { description: 'How many of them both have finished.' })
  sharedCells!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Spearman's ρ between the two rankings by final validation accuracy (average ranks for ties); null with fewer than three shared cells or one side all tied.",
  })
  spearmanRho!: number | null;

  @Field(() => LearningRateMattersCheck)
  learningRateMatters!: LearningRateMattersCheck;

  @Field(() => SmallerRateForLargerBatchCheck)
  smallerRateForLargerBatch!: SmallerRateForLargerBatchCheck;

  @Field(() => [ProtocolDifference], {
    description: "Where this sweep's settings differ from the reference's (ImageNet weights, width, input size, training-set size, epochs).",
  })
  protocolDifferences!: ProtocolDifference[];
}
