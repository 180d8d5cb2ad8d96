import { Field, Float, Int, ObjectType } from 'type-graphql';
import {
  tieTest,
  type CellSpread as CellSpreadResult,
  type RepeatComparison as RepeatComparisonResult,
  type TieComparison as TieComparisonResult,
} from '../../../conclusions/index.js';
import { CellAddress } from './cell-rank.type.js';

/** A cell's final validation accuracy over its repeats. */
@ObjectType({ description: "A cell's final validation accuracy over its finished repeats." })
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

/** One cell tested against the best. */
@ObjectType({ description: `One cell tested against the best by ${tieTest.name}.` })
export class TieComparison implements TieComparisonResult {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Float, { nullable: true, description: 't of best − this cell; null when infinite (no spread on either side, different means).' })
  t!: number | null;

  @Field(() => Float, { nullable: true, description: 'Welch–Satterthwaite degrees of freedom; null when neither side has spread.' })
  degreesOfFreedom!: number | null;

  @Field(() => Float, { description: 'Two-sided.' })
  pValue!: number;

  @Field(() => Boolean, { description: 'p ≥ the level: the data cannot tell this cell from the best.' })
  tiedWithBest!: boolean;
}

/** Spread over repeats, and the cells tied with the best. */
@ObjectType({ description: 'Spread over repeats, and which cells are statistically tied with the best.' })
export class RepeatComparison implements RepeatComparisonResult {
  @Field(() => String, { description: `The test: ${tieTest.name}.` })
  test!: string;

  @Field(() => Float, { description: `Its significance level: ${tieTest.level}.` })
  level!: number;

  @Field(() => Boolean, { description: 'Whether the best cell has two or more finished repeats, so ties can be tested.' })
  testable!: boolean;

  @Field(() => CellAddress, { nullable: true })
  best!: CellAddress | null;

  @Field(() => [CellSpread])
  cells!: CellSpread[];

  @Field(() => [TieComparison])
  comparisons!: TieComparison[];

  @Field(() => [CellAddress], { description: 'Other cells with one finished repeat, which cannot be tested.' })
  untestable!: CellAddress[];
}
