import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RunAddress } from './run-address.type.js';
import { valLossRiseTolerance, type RunOverfitting as RunOverfittingResult } from '@sweepscope/conclusions';

/** Signs of overfitting in one finished run. */
@ObjectType({
  simpleResolvers: true,
  description: 'Signs of overfitting in one finished run: the accuracy gap at its end, and whether validation loss rose from its minimum.',
})
export class RunOverfitting extends RunAddress implements RunOverfittingResult {
  @Field(() => Int, { description: 'The final epoch.' })
  epoch!: number;

  @Field(() => Float, { description: 'Final training accuracy, 0–1.' })
  accuracy!: number;

  @Field(() => Float, { description: 'Final validation accuracy, 0–1.' })
  valAccuracy!: number;

  @Field(() => Float, { description: 'accuracy − valAccuracy at the final epoch.' })
  gap!: number;

  @Field(() => Float)
  minValLoss!: number;

  @Field(() => Int, { description: 'The first epoch at the minimum validation loss.' })
  minValLossEpoch!: number;

  @Field(() => Float)
  finalValLoss!: number;

  @Field(() => Float, { description: 'finalValLoss − minValLoss.' })
  valLossRise!: number;

  @Field(() => Boolean, {
    description: `Whether the rise is more than ${100 * valLossRiseTolerance.relative}% of the minimum and more than ${valLossRiseTolerance.absolute} nats: beyond epoch-to-epoch noise.`,
  })
  valLossRose!: boolean;
}
