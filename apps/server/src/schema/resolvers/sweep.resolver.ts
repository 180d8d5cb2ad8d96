import type { Run as RunRow } from '@sweepscope/db';
import { createSweep, deriveSweepStatus } from '@sweepscope/db/sweeps';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { parseId } from '../parse-id.js';
import { CreateSweepInput } from '../types/create-sweep.input.js';
import { Run } from '../types/run.type.js';
import { SweepStatus } from '../types/run-status.enum.js';
import { Sweep } from '../types/sweep.type.js';

/** A sweep as the queries load it: with its runs, from which every derived field is read. */
type SweepWithRuns = Sweep & { runs: RunRow[] };

// One read of a sweep's runs serves runs, status and the grid's axes alike.
const withRuns = { runs: true } as const;

/** Sweeps: listing, one by id, creating, and the fields derived from their runs. */
@Resolver(() => Sweep)
export class SweepResolver {
  @Query(() => [Sweep], { description: 'Every sweep, newest first.' })
  sweeps(@Ctx() { prisma }: Context) {
    return prisma.sweep.findMany({ orderBy: { id: 'desc' }, include: withRuns });
  }

  @Query(() => Sweep, { nullable: true })
  sweep(@Arg('id', () => ID) id: string, @Ctx() { prisma }: Context) {
    return prisma.sweep.findUnique({ where: { id: parseId(id, 'id') }, include: withRuns });
  }

  @Mutation(() => Sweep, { description: 'Stores a sweep and queues one run per cell and repeat for the workers, coverage-first.' })
  createSweep(@Arg('input', () => CreateSweepInput) input: CreateSweepInput, @Ctx() { prisma }: Context) {
    // A field sent as null means "not given", except the limits, where null lifts the preset's limit.
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined));
    const limits = { trainLimit: input.trainLimit, valLimit: input.valLimit };
    return createSweep(prisma, { input: { ...given, ...limits }, createdBy: 'api' });
  }

  @FieldResolver(() => [Run])
  runs(@Root() sweep: SweepWithRuns): RunRow[] {
    return sweep.runs.toSorted((a, b) => a.batchSize - b.batchSize || a.learningRate - b.learningRate);
  }

  @FieldResolver(() => SweepStatus)
  status(@Root() sweep: SweepWithRuns) {
    return deriveSweepStatus(sweep.runs.map((run) => run.status));
  }

  @FieldResolver(() => [Int], { description: "Distinct batch sizes of the runs, ascending (the grid's rows)." })
  batchSizes(@Root() sweep: SweepWithRuns): number[] {
    return distinctAscending(sweep.runs.map((run) => run.batchSize));
  }

  @FieldResolver(() => [Float], { description: "Distinct learning rates of the runs, ascending (the grid's columns)." })
  learningRates(@Root() sweep: SweepWithRuns): number[] {
    return distinctAscending(sweep.runs.map((run) => run.learningRate));
  }
}

function distinctAscending(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
