import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Run } from './run.type.js';

/** One batch size × learning rate combination of a sweep's grid. */
@ObjectType({
  simpleResolvers: true,
  description: "One batch size × learning rate combination of a sweep's grid, with its runs (one per repeat; none where the sweep asked for no run).",
})
export class GridCell {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => [Run], { description: 'Its runs by repeat; empty for a combination never asked for.' })
  runs!: Run[];
}

/** A sweep's runs laid out as a grid. */
@ObjectType({ simpleResolvers: true, description: "A sweep's runs laid out as a grid: a cell for every batch size × learning rate combination." })
export class SweepGrid {
  @Field(() => [Int], { description: 'Rows, ascending.' })
  batchSizes!: number[];

  @Field(() => [Float], { description: 'Columns, ascending.' })
  learningRates!: number[];

  @Field(() => [GridCell], { description: 'Row by row: every batch size with every learning rate.' })
  cells!: GridCell[];
}
