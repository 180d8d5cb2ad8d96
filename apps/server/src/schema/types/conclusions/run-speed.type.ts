import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RunAddress } from './run-address.type.js';
import { speedThreshold, type RunSpeed as RunSpeedResult } from '@sweepscope/conclusions';

/** How fast one finished run learned. */
@ObjectType({
  simpleResolvers: true,
  description: `How fast one finished run learned: the first epoch at ${100 * speedThreshold}% of its own best validation accuracy.`,
})
export class RunSpeed extends RunAddress implements RunSpeedResult {
  @Field(() => Float, { description: '0–1.' })
  bestValAccuracy!: number;

  @Field(() => Int)
  bestEpoch!: number;

  @Field(() => Float, { description: `${speedThreshold} × bestValAccuracy.` })
  threshold!: number;

  @Field(() => Int, { nullable: true, description: 'Null when the stored epochs are not 1, 2, 3, … (an import of final results only).' })
  epochsToThreshold!: number | null;
}
