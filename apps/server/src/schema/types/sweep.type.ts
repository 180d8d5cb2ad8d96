import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** One study: a grid of batch size × learning rate runs on one data set. */
@ObjectType({ description: 'One study: a grid of batch size × learning rate runs on one data set.' })
export class Sweep {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  dataset!: string;

  @Field(() => Float, { description: 'MobileNetV2 width multiplier α.' })
  alpha!: number;

  @Field(() => Int, { description: 'Input side in pixels.' })
  inputSize!: number;

  @Field(() => Float, { description: 'Momentum of the batch-norm moving statistics that validation uses.' })
  batchNormMomentum!: number;

  @Field(() => Int)
  epochs!: number;

  @Field(() => Int)
  seed!: number;

  @Field(() => Date)
  createdAt!: Date;
}
