import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { RunStatus } from './run-status.enum.js';

/** One cell of a sweep. */
@ObjectType({ description: 'One cell of a sweep: a batch size and a learning rate, trained by one worker.' })
export class Run {
  @Field(() => ID)
  id!: number;

  @Field(() => ID)
  sweepId!: number;

  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Int)
  seed!: number;

  @Field(() => RunStatus)
  status!: RunStatus;

  @Field(() => String, { nullable: true, description: 'The TensorFlow.js backend that trained it.' })
  backend!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed or diverged.' })
  error!: string | null;
}
