import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/**
 * Which run a conclusion is about: its id, cell and repeat. The per-run results extend it,
 * and type-graphql gives each its fields first. No field returns it, so the schema has no
 * type of that name.
 */
@ObjectType({ simpleResolvers: true })
export abstract class RunAddress {
  @Field(() => ID)
  runId!: number;

  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Int)
  repeat!: number;
}
