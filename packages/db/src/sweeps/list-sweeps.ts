import { deriveSweepStatus, type RunStatus, type SweepStatus } from '@sweepscope/core';
import type { PrismaClient, Sweep } from '../generated/prisma/client.js';

/** Options of {@link listSweeps}. */
export interface ListSweepsOptions {
  /** Page size. */
  first: number;
  /** Only sweeps older than this id (the previous page's last); 0 starts at the newest. @default 0 */
  after?: number;
  /** Only sweeps in this (derived) status. */
  status?: SweepStatus;
  /** Only sweeps of this data set. */
  dataset?: string;
  /** Only sweeps with this tag. */
  tag?: string;
  /** Only sweeps whose name or notes hold this text, ignoring case. */
  search?: string;
}

/** One page of {@link listSweeps}. */
export interface SweepPage {
  sweeps: Sweep[];
  hasNextPage: boolean;
  /** Sweeps matching the filters, over all pages. */
  totalCount: number;
}

/**
 * Lists sweeps newest first, a page at a time, filtered by data set, tag, text and status. Status is
 * derived from the runs, so it is worked out from one count of runs by sweep and status.
 */
export async function listSweeps(prisma: PrismaClient, options: ListSweepsOptions): Promise<SweepPage> {
  const candidates = await prisma.sweep.findMany({
    where: {
      ...(options.dataset === undefined ? {} : { dataset: options.dataset }),
      ...(options.tag === undefined ? {} : { tags: { has: options.tag } }),
      ...(options.search === undefined
        ? {}
        : {
            OR: [{ name: { contains: options.search, mode: 'insensitive' as const } }, { notes: { contains: options.search, mode: 'insensitive' as const } }],
          }),
    },
    select: { id: true },
    orderBy: { id: 'desc' },
  });
  let ids = candidates.map((sweep) => sweep.id);
  if (options.status !== undefined) {
    const counts = await prisma.run.groupBy({ by: ['sweepId', 'status'], where: { sweepId: { in: ids } } });
    const statuses = new Map<number, RunStatus[]>();
    for (const { sweepId, status } of counts) statuses.set(sweepId, [...(statuses.get(sweepId) ?? []), status]);
    ids = ids.filter((id) => deriveSweepStatus(statuses.get(id) ?? []) === options.status);
  }
  const after = options.after ?? 0;
  const rest = after > 0 ? ids.filter((id) => id < after) : ids;
  const page = rest.slice(0, options.first);
  const sweeps = await prisma.sweep.findMany({ where: { id: { in: page } }, orderBy: { id: 'desc' } });
  return { sweeps, hasNextPage: rest.length > page.length, totalCount: ids.length };
}
