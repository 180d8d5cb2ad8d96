import { ErrorCode, type RunStatus, SweepscopeError } from '@sweepscope/core';
import { largestId } from '../client/largest-id.js';
import { Prisma, type PrismaClient, type Run } from '../generated/prisma/client.js';
import { readSearchTerms, type SearchTerm } from './read-search-terms.js';

/** The columns {@link listRuns} sorts by. */
export const runSortColumns = [
  'id',
  'sweep',
  'cell',
  'batchSize',
  'learningRate',
  'repeat',
  'status',
  'bestValAccuracy',
  'finalValAccuracy',
  'finalLoss',
  'epochsDone',
  'imagesPerSecond',
  'duration',
] as const;

/** A column {@link listRuns} sorts by. */
export type RunSortColumn = (typeof runSortColumns)[number];

// What each column sorts by; the SQL comes from this table only, never from the caller's text.
const SORT_KEYS: Readonly<Record<RunSortColumn, readonly Prisma.Sql[]>> = {
  id: [Prisma.raw('r.id')],
  sweep: [Prisma.raw('s."name"'), Prisma.raw('s.id')],
  cell: [Prisma.raw('r."batchSize"'), Prisma.raw('r."learningRate"'), Prisma.raw('r."repeat"')],
  batchSize: [Prisma.raw('r."batchSize"')],
  learningRate: [Prisma.raw('r."learningRate"')],
  repeat: [Prisma.raw('r."repeat"')],
  // The enum's order: where a run stands in its life, queued first.
  status: [Prisma.raw('r."status"')],
  bestValAccuracy: [Prisma.raw('r."bestValAccuracy"')],
  finalValAccuracy: [Prisma.raw('latest."valAccuracy"')],
  finalLoss: [Prisma.raw('r."lastLoss"')],
  epochsDone: [Prisma.raw('r."epochsDone"')],
  imagesPerSecond: [Prisma.raw('r."imagesPerSecond"')],
  duration: [Prisma.raw('coalesce(r."finishedAt", now()) - r."startedAt"')],
};

/** Options of {@link listRuns}. */
export interface ListRunsOptions {
  /** Page size. */
  first: number;
  /** Runs to skip in this order: the previous pages' runs. @default 0 */
  offset?: number;
  /** Only this sweep's runs. @default every sweep's */
  sweepId?: number;
  /** Only runs in one of these statuses. @default any */
  statuses?: readonly RunStatus[];
  /** Only runs of one of these batch sizes. @default any */
  batchSizes?: readonly number[];
  /** Only runs of one of these learning rates. @default any */
  learningRates?: readonly number[];
  /** Only runs with this tag. @default any */
  tag?: string;
  /** Words every run listed matches, each in any of the ways `readSearchTerms` reads. @default '' (all) */
  search?: string;
  /** The column, and `desc` for largest first; runs without a value come last either way, and ties go by id, ascending. @default id, asc */
  sort?: { column: RunSortColumn; direction: 'asc' | 'desc' };
}

/** One page of {@link listRuns}. */
export interface RunPage {
  runs: Run[];
  hasNextPage: boolean;
  /** Runs matching the filters, over all pages. */
  totalCount: number;
}

/**
 * Lists runs of every sweep, or of one, filtered, searched and sorted by the database, a
 * page at a time: all sweeps together may hold far more runs than a server should read
 * to sort. The digest columns on the run (see the run_digest migration) hold its metrics;
 * its final validation accuracy is that of the epoch its row names newest.
 * @throws {SweepscopeError} NOT_FOUND when `sweepId` names no sweep
 */
export async function listRuns(prisma: PrismaClient, options: ListRunsOptions): Promise<RunPage> {
  if (options.sweepId !== undefined) await assertSweepExists(prisma, options.sweepId);
  const where = whereOf(options);
  const from = Prisma.sql`FROM "Run" r JOIN "Sweep" s ON s.id = r."sweepId" LEFT JOIN "Epoch" latest ON latest.id = r."latestEpochId"`;
  const { column, direction } = options.sort ?? { column: 'id', direction: 'asc' };
  const order = Prisma.raw(direction === 'desc' ? 'DESC' : 'ASC');
  const keys = SORT_KEYS[column].map((key) => Prisma.sql`${key} ${order} NULLS LAST`);
  const [counted] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count ${from} WHERE ${where}`;
  const rows = await prisma.$queryRaw<{ id: number }[]>`
    SELECT r.id ${from} WHERE ${where}
    ORDER BY ${Prisma.join([...keys, Prisma.sql`r.id ASC`])}
    LIMIT ${options.first + 1} OFFSET ${options.offset ?? 0}`;
  const ids = rows.slice(0, options.first).map((row) => row.id);
  const byId = new Map((await prisma.run.findMany({ where: { id: { in: ids } } })).map((run) => [run.id, run]));
  return {
    runs: ids.flatMap((id) => byId.get(id) ?? []),
    hasNextPage: rows.length > options.first,
    totalCount: counted?.count ?? 0,
  };
}

async function assertSweepExists(prisma: PrismaClient, sweepId: number): Promise<void> {
  // An id past the column's range names no sweep; asking would fail as a database error.
  const inRange = Number.isSafeInteger(sweepId) && sweepId >= 1 && sweepId <= largestId;
  if (inRange && (await prisma.sweep.count({ where: { id: sweepId } })) > 0) return;
  throw new SweepscopeError(ErrorCode.NotFound, `Sweep ${sweepId} does not exist: pass the id of a sweep as sweepId, or leave it out for every sweep's runs.`, {
    field: ['sweepId'],
  });
}

function whereOf(options: ListRunsOptions): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (options.sweepId !== undefined) conditions.push(Prisma.sql`r."sweepId" = ${options.sweepId}::int`);
  if (options.statuses !== undefined) conditions.push(Prisma.sql`r."status"::text = ANY(${[...options.statuses]}::text[])`);
  if (options.batchSizes !== undefined) conditions.push(Prisma.sql`r."batchSize" = ANY(${[...options.batchSizes]}::int[])`);
  if (options.learningRates !== undefined) conditions.push(Prisma.sql`r."learningRate" = ANY(${[...options.learningRates]}::float8[])`);
  if (options.tag !== undefined) conditions.push(Prisma.sql`${options.tag}::text = ANY(r."tags")`);
  conditions.push(...readSearchTerms(options.search ?? '').map(matchOf));
  return conditions.length === 0 ? Prisma.sql`true` : Prisma.join(conditions, ' AND ');
}

/** Where one search term matches a run: any one of the ways it can be read. */
function matchOf(term: SearchTerm): Prisma.Sql {
  const pattern = `%${term.text.replace(/[\\%_]/g, '\\$&')}%`;
  const ways = [
    Prisma.sql`s."name" ILIKE ${pattern}`,
    Prisma.sql`replace(r."status"::text, '_', ' ') ILIKE ${pattern.replaceAll('\\_', ' ')}`,
    Prisma.sql`r."worker" ILIKE ${pattern}`,
    Prisma.sql`r."backend" ILIKE ${pattern}`,
    Prisma.sql`r."notes" ILIKE ${pattern}`,
    Prisma.sql`EXISTS (SELECT FROM unnest(r."tags") tag WHERE tag ILIKE ${pattern})`,
  ];
  if (term.number !== undefined) {
    if (Number.isInteger(term.number) && term.number <= largestId) ways.push(Prisma.sql`r.id = ${term.number}::int OR r."batchSize" = ${term.number}::int`);
    ways.push(learningRateNear(term.number));
  }
  if (term.cell !== undefined) {
    const { batchSize, learningRate } = term.cell;
    const parts = [Prisma.sql`true`];
    // A batch size past the column's range is no run's: asking would fail as a database error.
    if (batchSize !== undefined) parts.push(batchSize <= largestId ? Prisma.sql`r."batchSize" = ${batchSize}::int` : Prisma.sql`false`);
    if (learningRate !== undefined) parts.push(learningRateNear(learningRate));
    ways.push(Prisma.sql`(${Prisma.join(parts, ' AND ')})`);
  }
  return Prisma.sql`(${Prisma.join(ways, ' OR ')})`;
}

/** A learning rate as a person reads it off the table, to three significant digits: 0.00123 finds 0.0012345. */
function learningRateNear(learningRate: number): Prisma.Sql {
  return Prisma.sql`abs(r."learningRate" - ${learningRate}::float8) <= abs(${learningRate}::float8) * 0.005`;
}
