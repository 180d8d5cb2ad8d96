import { createSweep } from '@sweepscope/db/sweeps';
import { deriveSweepStatus } from '@sweepscope/db/sweeps';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { parseId } from '../parse-id.js';
import { CreateSweepInput } from '../types/create-sweep.input.js';
import { Run } from '../types/run.type.js';
import { SweepStatus } from '../types/run-status.enum.js';
import { Sweep } from '../types/sweep.type.js';

/** Sweeps: listing, one by id, creating, and the fields derived from their runs. */
@Resolver(() => Sweep)
export class SweepResolver {
  @Query(() => [Sweep], { description: 'Every sweep, newest first.' })
  sweeps(@Ctx() { prisma }: Context) {
    return prisma.sweep.findMany({ orderBy: { id: 'desc' } });
  }

  @Query(() => Sweep, { nullable: true })
  sweep(@Arg('id', () => ID) id: string, @Ctx() { prisma }: Context) {
    return prisma.sweep.findUnique({ where: { id: parseId(id, 'id') } });
  }

  @Mutation(() => Sweep, { description: 'Stores a sweep and queues one run per cell for the workers.' })
  createSweep(@Arg('input', () => CreateSweepInput) input: CreateSweepInput, @Ctx() { prisma }: Context) {
    return createSweep(prisma, {
      input: {
        ...input,
        name: input.name ?? undefined,
        trainLimit: input.trainLimit ?? undefined,
        valLimit: input.valLimit ?? undefined,
      },
      createdBy: 'api',
    });
  }

  @FieldResolver(() => [Run])
  runs(@Root() sweep: Sweep, @Ctx() { prisma }: Context) {
    return prisma.run.findMany({ where: { sweepId: sweep.id }, orderBy: [{ batchSize: 'asc' }, { learningRate: 'asc' }] });
  }

  @FieldResolver(() => SweepStatus)
  async status(@Root() sweep: Sweep, @Ctx() { prisma }: Context) {
    const runs = await prisma.run.findMany({ where: { sweepId: sweep.id }, select: { status: true } });
    return deriveSweepStatus(runs.map((run) => run.status));
  }

  @FieldResolver(() => [Int], { description: 'Distinct batch sizes of the runs, ascending (the grid\'s rows).' })
  async batchSizes(@Root() sweep: Sweep, @Ctx() { prisma }: Context) {
    const rows = await prisma.run.findMany({
      where: { sweepId: sweep.id },
      distinct: ['batchSize'],
      orderBy: { batchSize: 'asc' },
      select: { batchSize: true },
    });
    return rows.map((row) => row.batchSize);
  }

  @FieldResolver(() => [Float], { description: 'Distinct learning rates of the runs, ascending (the grid\'s columns).' })
  async learningRates(@Root() sweep: Sweep, @Ctx() { prisma }: Context) {
    const rows = await prisma.run.findMany({
      where: { sweepId: sweep.id },
      distinct: ['learningRate'],
      orderBy: { learningRate: 'asc' },
      select: { learningRate: true },
    });
    return rows.map((row) => row.learningRate);
  }
}
