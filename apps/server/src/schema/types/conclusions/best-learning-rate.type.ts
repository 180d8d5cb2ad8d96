import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { BestLearningRate as BestLearningRateResult } from '@sweepscope/conclusions';

/** Where a best learning rate sits among those tried at its batch size. */
export enum GridEdge {
  LOWEST = 'lowest',
  HIGHEST = 'highest',
  ONLY = 'only',
}
registerEnumType(GridEdge, {
  name: 'GridEdge',
  description:
    'Where a best learning rate sits among those tried at its batch size: at the LOWEST or HIGHEST end (the optimum may lie beyond), or the ONLY one tried.',
});

/** The best learning rate of one batch size. */
@ObjectType({ simpleResolvers: true, description: 'The best learning rate of one batch size, by mean final validation accuracy.' })
export class BestLearningRate implements BestLearningRateResult {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => [Float], { description: 'The best learning rates, ascending: more than one when they tie.' })
  learningRates!: number[];

  @Field(() => Float, { description: 'Their mean final validation accuracy, 0–1.' })
  valAccuracy!: number;

  @Field(() => [Float], { description: 'Learning rates tried at this batch size (a run succeeded or diverged), ascending.' })
  triedLearningRates!: number[];

  @Field(() => GridEdge, { nullable: true, description: 'Null when the best lies inside the tried range.' })
  edge!: GridEdge | null;
}
