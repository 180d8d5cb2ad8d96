import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { parseId } from '../parse-id.js';
import { Epoch } from '../types/epoch.type.js';
import { Run } from '../types/run.type.js';

/** Runs: one by id, and their epochs. */
@Resolver(() => Run)
export class RunResolver {
  @Query(() => Run, { nullable: true })
  run(@Arg('id', () => ID) id: string, @Ctx() { prisma }: Context) {
    return prisma.run.findUnique({ where: { id: parseId(id, 'id') } });
  }

  @FieldResolver(() => [Epoch], { description: 'Every stored epoch, in order.' })
  async epochs(@Root() run: Run, @Ctx() { prisma }: Context) {
    const rows = await prisma.epoch.findMany({ where: { runId: run.id }, orderBy: { epoch: 'asc' } });
    return rows.map((row) => ({ ...row, sweepId: run.sweepId }));
  }

  @FieldResolver(() => Int, { description: 'Epochs finished so far.' })
  epochsDone(@Root() run: Run, @Ctx() { prisma }: Context) {
    return prisma.epoch.count({ where: { runId: run.id } });
  }

  @FieldResolver(() => Epoch, { nullable: true, description: 'The newest finished epoch, or null before the first.' })
  async latestEpoch(@Root() run: Run, @Ctx() { prisma }: Context) {
    const row = await prisma.epoch.findFirst({ where: { runId: run.id }, orderBy: { epoch: 'desc' } });
    return row && { ...row, sweepId: run.sweepId };
  }
}
