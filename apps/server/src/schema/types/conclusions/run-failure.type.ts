import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { RunFailure as RunFailureResult, RunReference as RunReferenceResult } from '../../../conclusions/index.js';
import { RunStatus } from '../run-status.enum.js';

/** A run as the coverage lists name it. */
@ObjectType({ description: 'A run named by a failure or coverage list.' })
export class RunReference implements RunReferenceResult {
  @Field(() => ID)
  runId!: number;

  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;

  @Field(() => Int)
  repeat!: number;

  @Field(() => RunStatus)
  status!: RunStatus;

  @Field(() => Int, { description: "Epochs stored for the run's current attempt." })
  epochsDone!: number;
}

/** A run that failed or diverged. */
@ObjectType({ description: 'A run that failed or diverged.' })
export class RunFailure extends RunReference implements RunFailureResult {
  @Field(() => String, { nullable: true, description: 'The stored reason; null when none was stored.' })
  error!: string | null;
}
