import { ErrorCode, SweepscopeError } from '@sweepscope/core';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { drawConclusions, type Conclusions as ConclusionsResult } from '../../conclusions/index.js';
import type { Context } from '../../context.js';
import { parseId } from '../parse-id.js';
import { Conclusions } from '../types/conclusions/conclusions.type.js';

// Everything the conclusions read, in one query: each run with every stored epoch of every attempt.
const conclusionsSelect = {
  epochs: true,
  classes: true,
  valImages: true,
  divergenceFactor: true,
  weights: true,
  alpha: true,
  inputSize: true,
  trainLimit: true,
  runs: {
    select: {
      id: true,
      batchSize: true,
      learningRate: true,
      repeat: true,
      status: true,
      error: true,
      attempt: true,
      epochs: { select: { attempt: true, epoch: true, loss: true, accuracy: true, valLoss: true, valAccuracy: true }, orderBy: { epoch: 'asc' } },
    },
  },
} as const;

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
    const sweep = await prisma.sweep.findUnique({ where: { id }, select: conclusionsSelect });
    if (!sweep)
      throw new SweepscopeError(ErrorCode.NotFound, `Sweep ${id} does not exist: check the id (the sweeps query lists them).`, { field: ['sweepId'] });
    // A retry starts its epochs again at 1; only the current attempt's epochs describe the run as it stands.
    const runs = sweep.runs.map(({ attempt, epochs, ...run }) => ({
      ...run,
      epochs: epochs.filter((epoch) => epoch.attempt === attempt).map(({ attempt: _attempt, ...metrics }) => metrics),
    }));
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
