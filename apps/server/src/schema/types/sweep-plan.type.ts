import type { Holds, IsSame, PlanState as CorePlanState, SweepPlan as CoreSweepPlan } from '@sweepscope/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Run } from './run.type.js';

/** Where a plan stands. Values are core's. */
export enum PlanState {
  MEASURING = 'measuring',
  PROVISIONAL = 'provisional',
  READY = 'ready',
  UNRESOLVED = 'unresolved',
}
/** Compiles only while the API's plan states are core's. */
export type PlanStatesMatch = Holds<IsSame<`${PlanState}`, CorePlanState>>;
registerEnumType(PlanState, {
  name: 'PlanState',
  description:
    'MEASURING: the probe has not measured the gradient noise scale yet; PROVISIONAL: it has, and trains on, so the grid may move; READY: it has ended with a measurement; UNRESOLVED: it ended without one (diverged, failed, cancelled, or the estimate never resolved).',
});

/** One cell of a proposed grid. */
@ObjectType({ simpleResolvers: true, description: 'One batch size × learning rate of a proposed grid.' })
export class PlannedCell {
  @Field(() => Int)
  batchSize!: number;

  @Field(() => Float)
  learningRate!: number;
}

/** A grid proposed from a probe's gradient noise scale. */
@ObjectType({
  simpleResolvers: true,
  description:
    "A grid proposed from a probe's gradient noise scale (McCandlish et al. 2018): batch sizes in powers of two from B_crit / 8 to 2 B_crit (within 8 and the training images), each with the best learning rate ε_opt(B) = ε_max / (1 + B_crit / B) predicted through the probe's cell and half a decade either side.",
})
export class SweepPlan implements Omit<CoreSweepPlan, 'state' | 'cells'> {
  @Field(() => PlanState)
  state!: PlanState;

  @Field(() => Run, { description: 'The probe: the run that measures.' })
  probe!: Run;

  @Field(() => Float, { nullable: true, description: "The critical batch size: the newest epoch's B_simple, in images; null before a measurement." })
  criticalBatchSize!: number | null;

  @Field(() => Int, { nullable: true, description: 'The epoch it was measured in.' })
  epoch!: number | null;

  @Field(() => Float, { nullable: true, description: "ε_max of the predicted curve through the probe's cell." })
  maxLearningRate!: number | null;

  @Field(() => [PlannedCell], { description: 'The proposed cells; empty without a measurement.' })
  cells!: PlannedCell[];

  @Field(() => String, { nullable: true, description: 'The proposed cells as createSweep\'s cells text ("32:0.001,32:0.0032,…"); null without a measurement.' })
  cellsText!: string | null;

  @Field(() => String, { description: 'What the state means, in a sentence.' })
  summary!: string;
}
