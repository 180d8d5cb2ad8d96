import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { readSweepResults } from '@sweepscope/db/sweeps';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { drawConclusions, type Conclusions as ConclusionsResult } from '@sweepscope/conclusions';
import type { Context } from '../../context.js';
import { parseId } from '../parse-id.js';
import { Conclusions } from '../types/conclusions/conclusions.type.js';

function distinctAscending(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/** The conclusions a sweep's data supports. */
@Resolver(() => Conclusions)
export class ConclusionsResolver {
  @Query(() => Conclusions, {
    nullable: true,
    description:
      "What the sweep's data supports, computed from its runs' current attempts: rankings, best learning rates and their scaling, " +
      'overfitting, speed, failures, stability, repeat statistics and the comparison with the reference study, each also as a sentence.',
  })
  async conclusions(@Arg('sweepId', () => ID) sweepId: string, @Ctx() { prisma }: Context): Promise<ConclusionsResult & { sweepId: number }> {
    const id = parseId(sweepId, 'sweepId');
    const sweep = await readSweepResults(prisma, id);
    if (!sweep)
      throw new SweepscopeError(ErrorCode.NotFound, `Sweep ${id} does not exist: check the id (the sweeps query lists them).`, { field: ['sweepId'] });
    const { runs } = sweep;
    const conclusions = drawConclusions({
      plannedEpochs: sweep.epochs,
      data: { classes: sweep.classes, valImages: sweep.valImages, divergenceFactor: sweep.divergenceFactor },
      protocol: { weights: sweep.weights, alpha: sweep.alpha, inputSize: sweep.inputSize, trainLimit: sweep.trainLimit },
      batchSizes: distinctAscending(runs.map((run) => run.batchSize)),
      learningRates: distinctAscending(runs.map((run) => run.learningRate)),
      runs,
    });
    return { sweepId: id, ...conclusions };
  }
}
