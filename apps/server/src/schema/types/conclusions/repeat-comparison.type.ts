import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  repeatTest,
  type CellComparison as CellComparisonResult,
  type CellSpread as CellSpreadResult,
  type ComparisonVerdict as ComparisonVerdictName,
  type RepeatComparison as RepeatComparisonResult,
} from '@sweepscope/conclusions';
import { CellAddress } from './cell-rank.type.js';

/** What a comparison with the best found. */
export enum ComparisonVerdict {
  WORSE = 'worse',
  INDISTINGUISHABLE = 'indistinguishable',
  TOO_FEW_REPEATS = 'too-few-repeats',
}
registerEnumType(ComparisonVerdict, {
  name: 'ComparisonVerdict',
  description:
    `What comparing a cell with the best found. WORSE: its Holm-adjusted p is below ${repeatTest.level}. INDISTINGUISHABLE: it is not, with enough repeats to have looked. ` +
    `TOO_FEW_REPEATS: either cell has fewer than ${repeatTest.minRepeats} finished repeats, so it was not tested.`,
});

/** A cell's final validation accuracy over its repeats. */
@ObjectType({ simpleResolvers: true, description: "A cell's final validation accuracy over its finished repeats." })
export class CellSpread implements CellSpreadResult {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Int)
  repeats!: number;

  @Field(() => Float, { description: '0–1.' })
  mean!: number;

  @Field(() => Float, { nullable: true, description: 'Sample standard deviation (n − 1); null with one repeat.' })
  standardDeviation!: number | null;
}

/** One cell compared with the best. */
@ObjectType({ simpleResolvers: true, description: `One cell compared with the best by ${repeatTest.name}.` })
export class CellComparison implements CellComparisonResult {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Int, { description: 'Its finished repeats.' })
  repeats!: number;

  @Field(() => ComparisonVerdict)
  verdict!: ComparisonVerdictName;

  @Field(() => Float, { description: "The best cell's mean final validation accuracy minus this cell's, 0–1." })
  difference!: number;

  @Field(() => Float, { nullable: true, description: "Low end of the difference's 95 % confidence interval (Welch); null when not tested." })
  intervalLow!: number | null;

  @Field(() => Float, { nullable: true, description: "High end of the difference's 95 % confidence interval; null when not tested." })
  intervalHigh!: number | null;

  @Field(() => Float, { nullable: true, description: 't of best − this cell; null when not tested or infinite (no spread on either side, different means).' })
  t!: number | null;

  @Field(() => Float, { nullable: true, description: 'Welch–Satterthwaite degrees of freedom; null when not tested or neither side has spread.' })
  degreesOfFreedom!: number | null;

  @Field(() => Float, { nullable: true, description: 'Two-sided; null when not tested.' })
  pValue!: number | null;

  @Field(() => Float, { nullable: true, description: "After Holm's correction over every tested comparison; null when not tested." })
  adjustedPValue!: number | null;
}

/** Spread over repeats, and every other cell against the best. */
@ObjectType({ simpleResolvers: true, description: 'Spread over repeats, and how every other cell compares with the best.' })
export class RepeatComparison implements RepeatComparisonResult {
  @Field(() => String, { description: `The test: ${repeatTest.name}.` })
  test!: string;

  @Field(() => Float, { description: `Its significance level: ${repeatTest.level}.` })
  level!: number;

  @Field(() => Int, { description: `Finished repeats a cell needs on each side to be tested: ${repeatTest.minRepeats}.` })
  minRepeats!: number;

  @Field(() => Boolean, { description: 'Whether the best cell has enough finished repeats for any comparison to be tested.' })
  testable!: boolean;

  @Field(() => CellAddress, { nullable: true })
  best!: CellAddress | null;

  @Field(() => [CellSpread])
  cells!: CellSpread[];

  @Field(() => [CellComparison], { description: 'Every other cell with a finished repeat, in grid order.' })
  comparisons!: CellComparison[];
}
