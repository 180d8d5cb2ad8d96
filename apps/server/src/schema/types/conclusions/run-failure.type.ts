import { Field, Int, ObjectType } from 'type-graphql';
import { RunAddress } from './run-address.type.js';
import type { RunFailure as RunFailureResult, RunReference as RunReferenceResult } from '@sweepscope/conclusions';
import { RunStatus } from '../run-status.enum.js';

/** A run as the coverage lists name it. */
@ObjectType({ simpleResolvers: true, description: 'A run named by a failure or coverage list.' })
export class RunReference extends RunAddress implements RunReferenceResult {
  @Field(() => RunStatus)
  status!: RunStatus;

  @Field(() => Int, { description: "Epochs stored for the run's current attempt." })
  epochsDone!: number;
}

/** A run that ended short: failed, diverged, stopped early or pruned. */
@ObjectType({ simpleResolvers: true, description: 'A run that ended short of its planned epochs: failed, diverged, stopped early or pruned, with why.' })
export class RunFailure extends RunReference implements RunFailureResult {
  @Field(() => String, { nullable: true, description: 'Why it ended; null when nothing was stored.' })
  error!: string | null;
}
