import type { Epoch as EpochRow, Run as RunRow } from '@sweepscope/db';
import { cancelRun, readEpochs, retryRun, trainingTraceOf, updateRun } from '@sweepscope/db/runs';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { findInstability } from '@sweepscope/conclusions';
import type { Context } from '../../context.js';
import type { Loaders } from '../../loaders/create-loaders.js';
import { parseId } from '../parse-id.js';
import { roundSeries } from '../round-series.js';
import { Epoch } from '../types/epoch.type.js';
import { EpochMetric } from '../types/epoch-metric.enum.js';
import { RunInstability } from '../types/conclusions/unstable-run.type.js';
import { MetricSeries } from '../types/metric-series.scalar.js';
import { RunDivergence } from '../types/run-divergence.type.js';
import { Run } from '../types/run.type.js';
import { RunInterruption } from '../types/run-interruption.type.js';
import { Sweep } from '../types/sweep.type.js';
import { UpdateRunInput } from '../types/update-run.input.js';
import { withoutNulls } from '../without-nulls.js';

/** Runs: one by id, cancelling and retrying, their epochs and what those add up to. */
@Resolver(() => Run)
export class RunResolver {
  @Query(() => Run, { nullable: true, description: 'One run, or null when there is none with this id.' })
  run(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.run.load(parseId(id, 'id'));
  }

  @Mutation(() => Run, {
    description:
      "Changes a run's tags or notes, training or not (BAD_USER_INPUT naming the field and its limit; NOT_FOUND; CONFLICT for a run of a read-only sweep). Returns the run.",
  })
  updateRun(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateRunInput) input: UpdateRunInput, @Ctx() { prisma }: Context) {
    return updateRun(prisma, parseId(id, 'id'), withoutNulls(input));
  }

  @Mutation(() => Run, {
    description:
      'Cancels a queued or running run (CONFLICT once it has ended); a running one stops at its next heartbeat, and its epoch in flight is not stored.',
  })
  cancelRun(@Arg('id', () => ID) id: string, @Ctx() { prisma }: Context) {
    return cancelRun(prisma, parseId(id, 'id'));
  }

  @Mutation(() => Run, {
    description:
      "Queues a failed, diverged or cancelled run again (CONFLICT otherwise). By default it resumes from its last checkpoint on the same attempt, keeping its epochs, and the retry is listed among its interruptions; with fromScratch it trains again from epoch 1 as its next attempt, and the earlier attempt's epochs stay, under their attempt.",
  })
  retryRun(
    @Arg('id', () => ID) id: string,
    @Ctx() { prisma }: Context,
    @Arg('fromScratch', () => Boolean, { defaultValue: false, description: 'Start over as the next attempt instead of resuming from the checkpoint.' })
    fromScratch: boolean,
  ) {
    return retryRun(prisma, parseId(id, 'id'), { fromScratch });
  }

  @FieldResolver(() => [RunInterruption], {
    description:
      'Every time it stopped part-way and was queued again to resume from its checkpoint, oldest first: a worker that stopped answering (with its last heartbeat) and who took over, a worker that was stopped, a retry.',
  })
  interruptions(@Root() run: RunRow, @Ctx() { loaders }: Context) {
    return loaders.interruptions.load(run.id);
  }

  @FieldResolver(() => Int, { description: 'How many times it was taken back from a worker that stopped answering or died.' })
  async reclaims(@Root() run: RunRow, @Ctx() { loaders }: Context) {
    return (await loaders.interruptions.load(run.id)).filter((interruption) => interruption.kind === 'reclaimed').length;
  }

  @FieldResolver(() => [Epoch], { description: 'The epochs of an attempt (the current one unless asked), in order; with afterEpoch, only those after it.' })
  async epochs(
    @Root() run: RunRow,
    @Ctx() { prisma, loaders }: Context,
    @Arg('afterEpoch', () => Int, { nullable: true, description: 'Only epochs numbered above this.' }) afterEpoch?: number | null,
    @Arg('attempt', () => Int, { nullable: true, description: "Which attempt's epochs; the current one when left out." }) attempt?: number | null,
  ) {
    const rows =
      (attempt ?? run.attempt) === run.attempt && (afterEpoch ?? 0) === 0
        ? await loaders.currentEpochs.load(run.id)
        : await readEpochs(prisma, { runId: run.id, attempt: attempt ?? run.attempt, afterEpoch: afterEpoch ?? 0 });
    return rows.map((row) => withSweep(row, run));
  }

  @FieldResolver(() => MetricSeries, {
    description:
      "One metric of the current attempt by epoch, compact where `epochs` is complete: element i is epoch i + 1's value, null where that epoch is not stored (or has no such number, as an imported epoch without timings). A grid's sparklines need only this.",
  })
  series(
    @Root() run: RunRow,
    @Ctx() { loaders }: Context,
    @Arg('metric', () => EpochMetric) metric: EpochMetric,
    @Arg('significantDigits', () => Int, {
      nullable: true,
      description: 'Round each value to this many significant digits (1–17), as a chart needs; every digit stored when left out.',
    })
    significantDigits?: number | null,
  ): Promise<(number | null)[]> | (number | null)[] {
    const round = (series: (number | null)[]) => (significantDigits == null ? series : roundSeries(series, significantDigits));
    // The grid's sparklines are kept on the run's row (see the run_digest migration).
    if (metric === EpochMetric.VAL_ACCURACY) return round(run.valAccuracies as (number | null)[]);
    return loaders.epochSeries(metric).load(run.id).then(round);
  }

  @FieldResolver(() => Epoch, {
    nullable: true,
    description: "The current attempt's newest epoch: once the run has ended, its final metrics. Null before the first.",
  })
  latestEpoch(@Root() run: RunRow, @Ctx() { loaders }: Context) {
    return loadEpochOf(run, run.latestEpochId, loaders);
  }

  @FieldResolver(() => Epoch, {
    nullable: true,
    description: "The current attempt's epoch with the highest validation accuracy (the earliest of ties); its epoch field is the epoch of the best.",
  })
  bestEpoch(@Root() run: RunRow, @Ctx() { loaders }: Context) {
    return loadEpochOf(run, run.bestEpochId, loaders);
  }

  @FieldResolver(() => RunDivergence, {
    nullable: true,
    description: 'Where and how it diverged; null unless it diverged (and for runs that diverged before this was stored).',
  })
  divergence(@Root() run: RunRow): RunDivergence | null {
    const { divergenceRule: rule, divergenceEpoch: epoch, divergenceBatch: batch, divergenceLoss: loss } = run;
    return rule === null || epoch === null || batch === null ? null : { rule, epoch, batch, loss };
  }

  @FieldResolver(() => RunInstability, {
    nullable: true,
    description:
      'Why a run that trained to its end (succeeded, or stopped early) did not learn — stayed at chance, its loss rose or exploded — by the rules the conclusions use to leave it out of every value; null when it learned, or has not ended so.',
  })
  async instability(@Root() run: RunRow, @Ctx() { loaders }: Context): Promise<RunInstability | null> {
    if (run.status !== 'succeeded' && run.status !== 'stopped_early') return null;
    const sweep = await loaders.sweep.load(run.sweepId);
    if (sweep === null) return null;
    return findInstability(trainingTraceOf(run), {
      classes: sweep.classes,
      valImages: sweep.valImages,
      divergenceFactor: sweep.divergenceFactor,
    });
  }

  @FieldResolver(() => Sweep, { description: "The sweep it is a cell of: a list of many sweeps' runs names each run's." })
  sweep(@Root() run: RunRow, @Ctx() { loaders }: Context) {
    return loaders.sweep.load(run.sweepId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether its results were imported rather than trained here (importedFrom says from where).' })
  imported(@Root() run: RunRow): boolean {
    return run.importedFrom !== null;
  }
}

function withSweep(epoch: EpochRow, run: RunRow) {
  return { ...epoch, sweepId: run.sweepId };
}

/** One of the epochs a run's row names (its newest, its best), as the Epoch type answers it; null when the row names none. */
async function loadEpochOf(run: RunRow, epochId: number | null, loaders: Loaders) {
  const epoch = epochId === null ? null : await loaders.epoch.load(epochId);
  return epoch && withSweep(epoch, run);
}
