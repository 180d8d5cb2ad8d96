import type { Run as RunRow, Sweep as SweepRow } from '@sweepscope/db';
import { countTrainingImages, planFromProbe, probeSweep } from '@sweepscope/core';
import { createSweep } from '@sweepscope/db/sweeps';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { CreateSweepInput, readSweepInput } from '../types/create-sweep.input.js';
import { PlanState, SweepPlan } from '../types/sweep-plan.type.js';
import { Sweep } from '../types/sweep.type.js';

/** Who creates a probe: its sweep's `createdBy`, by which {@link PlanResolver.plan} knows it. */
const probeCreator = 'plan';

/** Planning a sweep: a probe run queued for the workers, and the grid its noise scale proposes. */
@Resolver(() => Sweep)
export class PlanResolver {
  @Mutation(() => Sweep, {
    description:
      "Plans a sweep before it is trained: queues a probe, a sweep of the asked-for sweep's middle cell by batch size trained once for 3 epochs (unless epochs says; at least 2) measuring the gradient noise scale every other step (unless noiseScaleInterval says), and returns it. Its plan field proposes the grid, live as the probe trains. Refused as createSweep refuses the sweep itself (BAD_USER_INPUT).",
  })
  planSweep(@Arg('input', () => CreateSweepInput) input: CreateSweepInput, @Ctx() { prisma }: Context) {
    return createSweep(prisma, { input: probeSweep(readSweepInput(input)).input, createdBy: probeCreator });
  }

  @FieldResolver(() => SweepPlan, {
    nullable: true,
    description: 'For a probe made by planSweep, the grid its gradient noise scale proposes, or why there is none yet; null for every other sweep.',
  })
  async plan(@Root() sweep: SweepRow, @Ctx() { loaders }: Context): Promise<(Omit<SweepPlan, 'probe'> & { probe: RunRow }) | null> {
    if (sweep.createdBy !== probeCreator) return null;
    const [probe] = await loaders.runsOfSweep.load(sweep.id);
    if (probe === undefined) return null;
    const epochs = await loaders.currentEpochs.load(probe.id);
    const plan = planFromProbe({ probe, epochs, maxBatchSize: countTrainingImages(sweep) ?? sweep.trainLimit });
    return { ...plan, state: plan.state as PlanState, probe };
  }
}
