import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { CellKey, CellRank as CellRankResult } from '@sweepscope/conclusions';

/** A cell's address on a sweep's grid. */
@ObjectType({ simpleResolvers: true, description: "A cell's address on the grid: a batch size with a learning rate." })
export class CellAddress implements CellKey {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;
}

/** A cell's place in a ranking. */
@ObjectType({ simpleResolvers: true, description: "A cell's place in a ranking by validation accuracy." })
export class CellRank implements CellRankResult {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Int, { description: '1 for the best; tied cells share a rank and the next rank skips (1, 2, 2, 4).' })
  rank!: number;

  @Field(() => Float, { description: 'The validation accuracy ranked by, 0–1: the mean over the finished repeats.' })
  value!: number;

  @Field(() => Int, { description: 'Finished repeats the value is the mean of.' })
  repeats!: number;
}
