import { maxNameLength } from '@sweepscope/core';
import { listRuns } from '@sweepscope/db/runs';
import { Arg, Ctx, Float, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { readFilterText } from '../filter-text.js';
import { checkPageSize, maxRunPageSize } from '../page-size.js';
import { parseCursor } from '../parse-cursor.js';
import { parseId } from '../parse-id.js';
import { RunConnection } from '../types/run-connection.type.js';
import { RunSort } from '../types/run-sort.input.js';
import { RunStatus } from '../types/run-status.enum.js';
import { Run } from '../types/run.type.js';
import { withoutNulls } from '../without-nulls.js';

/** The runs list: every sweep's runs, or one sweep's, filtered, searched and sorted by the database. */
@Resolver(() => Run)
export class RunListResolver {
  @Query(() => RunConnection, {
    description:
      "Runs of every sweep, or of one, a page at a time: filtered by status, batch size, learning rate and tag, searched, and sorted by any column of a runs table (by id unless asked). A page holds up to a whole sweep's runs, so a table of one sweep reads in one request.",
  })
  async runs(
    @Ctx() { prisma }: Context,
    @Arg('first', () => Int, { defaultValue: 100, description: `Page size, 1–${maxRunPageSize}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's pageInfo.endCursor." }) after?: string | null,
    @Arg('sweepId', () => ID, { nullable: true, description: "Only this sweep's runs (NOT_FOUND when there is no such sweep)." })
    sweepId?: string | null,
    @Arg('statuses', () => [RunStatus], { nullable: true, description: 'Only runs in one of these statuses.' }) statuses?: RunStatus[] | null,
    @Arg('batchSizes', () => [Int], { nullable: true, description: 'Only runs of one of these batch sizes.' }) batchSizes?: number[] | null,
    @Arg('learningRates', () => [Float], { nullable: true, description: 'Only runs of one of these learning rates (exactly as stored).' })
    learningRates?: number[] | null,
    @Arg('tag', () => String, { nullable: true, description: 'Only runs with this tag (the whole tag, case kept).' }) tag?: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description: `Words (at most ${maxNameLength} characters in all, no control characters) that every run listed matches, case ignored, each in any of these ways: in its sweep's name, its status (\`stopped early\`), its worker (host:pid), its backend, one of its tags or its notes; a bare number is its id (\`12\` or \`#12\`), its batch size, or its learning rate to three significant digits (\`0.01\`); a cell is written as the table shows it, \`64×0.01\` (also \`64x0.01\`, \`64 × 0.01\`), either side optional (\`64×\`, \`×0.01\`).`,
    })
    search?: string | null,
    @Arg('sort', () => RunSort, { nullable: true, description: 'The column and direction; by id, ascending, when left out.' }) sort?: RunSort | null,
  ) {
    const offset = parseCursor(after, 'after');
    const page = await listRuns(prisma, {
      first: checkPageSize(first, 'first', maxRunPageSize),
      offset,
      ...(sweepId == null ? {} : { sweepId: parseId(sweepId, 'sweepId') }),
      ...(statuses == null ? {} : { statuses }),
      ...(batchSizes == null ? {} : { batchSizes }),
      ...(learningRates == null ? {} : { learningRates }),
      ...withoutNulls({ tag: readFilterText(tag, 'tag'), search: readFilterText(search, 'search') }),
      ...(sort == null ? {} : { sort }),
    });
    const edges = page.runs.map((node, index) => ({ cursor: String(offset + index + 1), node }));
    return {
      edges,
      nodes: page.runs,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }
}
