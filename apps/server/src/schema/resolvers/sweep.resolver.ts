import type { Run as RunRow, Sweep as SweepRow } from '@sweepscope/db';
import { readEventCursor } from '@sweepscope/db/events';
import { cancelRuns } from '@sweepscope/db/runs';
import { summarizeProgress } from '@sweepscope/conclusions';
import { deriveSweepStatus } from '@sweepscope/core';
import { createSweep, deleteSweep, listSweeps, updateSweep } from '@sweepscope/db/sweeps';
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { readFilterText } from '../filter-text.js';
import { checkPageSize } from '../page-size.js';
import { parseCursor } from '../parse-cursor.js';
import { parseId } from '../parse-id.js';
import { withoutNulls } from '../without-nulls.js';
import { CreateSweepInput, readSweepInput } from '../types/create-sweep.input.js';
import { UpdateSweepInput } from '../types/update-sweep.input.js';
import { Run } from '../types/run.type.js';
import { SweepStatus } from '../types/run-status.enum.js';
import { SweepConnection } from '../types/sweep-connection.type.js';
import { SweepGrid } from '../types/sweep-grid.type.js';
import { SweepProgress } from '../types/sweep-progress.type.js';
import { Sweep } from '../types/sweep.type.js';

/** Sweeps: listing, one by id, creating, cancelling, deleting, and the fields derived from their runs. */
@Resolver(() => Sweep)
export class SweepResolver {
  @Query(() => SweepConnection, { description: 'Sweeps, newest first, a page at a time; filter by status, data set, tag and text.' })
  async sweeps(
    @Ctx() { prisma }: Context,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1–100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's pageInfo.endCursor." }) after?: string | null,
    @Arg('status', () => SweepStatus, { nullable: true }) status?: SweepStatus | null,
    @Arg('dataset', () => String, { nullable: true }) dataset?: string | null,
    @Arg('tag', () => String, { nullable: true, description: 'Only sweeps with this tag.' }) tag?: string | null,
    @Arg('search', () => String, { nullable: true, description: 'Only sweeps whose name or notes hold this text, ignoring case.' }) search?: string | null,
  ): Promise<SweepConnection> {
    const page = await listSweeps(prisma, {
      first: checkPageSize(first, 'first'),
      after: parseCursor(after, 'after'),
      ...withoutNulls({ status, dataset: readFilterText(dataset, 'dataset'), tag: readFilterText(tag, 'tag'), search: readFilterText(search, 'search') }),
    });
    const edges = page.sweeps.map((node) => ({ cursor: String(node.id), node }));
    return {
      edges,
      nodes: page.sweeps,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  @Query(() => Sweep, { nullable: true, description: 'One sweep, or null when there is none with this id.' })
  sweep(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Context) {
    return loaders.sweep.load(parseId(id, 'id'));
  }

  @Mutation(() => Sweep, { description: 'Stores a sweep and queues one run per cell and repeat for the workers, coverage-first.' })
  createSweep(@Arg('input', () => CreateSweepInput) input: CreateSweepInput, @Ctx() { prisma }: Context) {
    return createSweep(prisma, { input: readSweepInput(input), createdBy: 'api' });
  }

  @Mutation(() => Sweep, {
    description:
      'Renames a sweep or changes its tags or notes, training or not (BAD_USER_INPUT naming the field and its limit; NOT_FOUND; CONFLICT for a read-only sweep). Returns the sweep.',
  })
  updateSweep(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateSweepInput) input: UpdateSweepInput, @Ctx() { prisma }: Context) {
    return updateSweep(prisma, parseId(id, 'id'), withoutNulls(input));
  }

  @Mutation(() => Sweep, {
    description: 'Cancels every queued and running run of the sweep (a running one stops after its epoch in flight). Ended runs stay as they are.',
  })
  async cancelSweep(@Arg('id', () => ID) id: string, @Ctx() { prisma, loaders }: Context) {
    const sweepId = parseId(id, 'id');
    await cancelRuns(prisma, sweepId);
    return loaders.sweep.load(sweepId);
  }

  @Mutation(() => ID, { description: 'Deletes a sweep with all its runs and epochs; refused (CONFLICT) while any run is training. Returns the id.' })
  async deleteSweep(@Arg('id', () => ID) id: string, @Ctx() { prisma }: Context) {
    const sweepId = parseId(id, 'id');
    await deleteSweep(prisma, sweepId);
    return sweepId;
  }

  @FieldResolver(() => [Run], { description: 'Every run, by batch size, learning rate and repeat.' })
  runs(@Root() sweep: SweepRow, @Ctx() { loaders }: Context): Promise<RunRow[]> {
    return loaders.runsOfSweep.load(sweep.id);
  }

  @FieldResolver(() => SweepStatus)
  async status(@Root() sweep: SweepRow, @Ctx() { loaders }: Context) {
    const runs = await loaders.runsOfSweep.load(sweep.id);
    return deriveSweepStatus(runs.map((run) => run.status));
  }

  @FieldResolver(() => SweepProgress)
  async progress(@Root() sweep: SweepRow, @Ctx() { loaders }: Context): Promise<SweepProgress> {
    const runs = await loaders.runsOfSweep.load(sweep.id);
    return summarizeProgress(runs, sweep.epochs);
  }

  @FieldResolver(() => SweepGrid, { description: 'The runs as a grid: batch sizes as rows, learning rates as columns, a cell for every combination.' })
  async grid(@Root() sweep: SweepRow, @Ctx() { loaders }: Context) {
    const runs = await loaders.runsOfSweep.load(sweep.id);
    const batchSizes = distinctAscending(runs.map((run) => run.batchSize));
    const learningRates = distinctAscending(runs.map((run) => run.learningRate));
    const runsOfCell = new Map<string, RunRow[]>();
    for (const run of runs) {
      const key = `${run.batchSize}:${run.learningRate}`;
      runsOfCell.set(key, [...(runsOfCell.get(key) ?? []), run]);
    }
    const cells = batchSizes.flatMap((batchSize) =>
      learningRates.map((learningRate) => ({ batchSize, learningRate, runs: runsOfCell.get(`${batchSize}:${learningRate}`) ?? [] })),
    );
    return { batchSizes, learningRates, cells };
  }

  @FieldResolver(() => [String], {
    description: "Where its imported runs' results came from: each file's name (or `api`) once, in the order imported; empty for a sweep trained here.",
  })
  async importedFrom(@Root() sweep: SweepRow, @Ctx() { loaders }: Context): Promise<string[]> {
    const runs = await loaders.runsOfSweep.load(sweep.id);
    return [...new Set(runs.toSorted((a, b) => a.id - b.id).flatMap((run) => run.importedFrom ?? []))];
  }

  @FieldResolver(() => [Int], { description: "Distinct batch sizes of the runs, ascending (the grid's rows)." })
  async batchSizes(@Root() sweep: SweepRow, @Ctx() { loaders }: Context): Promise<number[]> {
    return distinctAscending((await loaders.runsOfSweep.load(sweep.id)).map((run) => run.batchSize));
  }

  @FieldResolver(() => [Float], { description: "Distinct learning rates of the runs, ascending (the grid's columns)." })
  async learningRates(@Root() sweep: SweepRow, @Ctx() { loaders }: Context): Promise<number[]> {
    return distinctAscending((await loaders.runsOfSweep.load(sweep.id)).map((run) => run.learningRate));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The cursor of the sweep's newest event: read it with the sweep's state, then subscribe to sweepEvents after it to hear only what changes. Null before any event.",
  })
  async eventCursor(@Root() sweep: SweepRow, @Ctx() { prisma }: Context): Promise<string | null> {
    const seq = await readEventCursor(prisma, sweep.id);
    return seq === null ? null : String(seq);
  }
}

function distinctAscending(values: number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
