import { sweepStatuses, type SweepStatus } from '@sweepscope/core';

import type { SweepStatus as ApiSweepStatus } from '@/graphql';
import { booleanParam, enumParam, stringParam } from '@/lib/url-state';

/** A status filter as it reads in the URL (`?status=running`), or `all`. */
export type StatusFilter = SweepStatus | 'all';

const filters = ['all', ...sweepStatuses] as const;

/**
 * The Sweeps page's state in its query string: `status` filters the list
 * (@default 'all'), as do `tag` (the sweeps with that tag) and `q` (text in
 * their name or notes; @default '' for both: no filter), `new` opens the New sweep form and `import` the Import panel
 * (@default false), and `plan` names a probe sweep whose plan fills the New sweep form (@default '': none). Read by the server page for its first paint and by the client
 * with `useUrlState`.
 */
export const sweepListUrlState = {
  status: enumParam<StatusFilter>(filters, 'all'),
  tag: stringParam(''),
  q: stringParam(''),
  new: booleanParam(false),
  import: booleanParam(false),
  plan: stringParam(''),
};

/** The API's `status` argument for a filter: null for `all`. */
export function statusOfFilter(filter: StatusFilter): ApiSweepStatus | null {
  return filter === 'all' ? null : (filter.toUpperCase() as ApiSweepStatus);
}

/** The sweeps query's filters for the page's state: null where the page filters nothing. */
export function sweepListFilters({ status, tag, q }: { status: StatusFilter; tag: string; q: string }): SweepListFilters {
  return { status: statusOfFilter(status), tag: tag.trim() || null, search: q.trim() || null };
}

/** The filters of the sweeps query, as {@link sweepListFilters} reads them from the URL. */
export interface SweepListFilters {
  status: ApiSweepStatus | null;
  tag: string | null;
  search: string | null;
}

/** Whether two sets of filters ask for the same sweeps. */
export function sameFilters(a: SweepListFilters, b: SweepListFilters): boolean {
  return a.status === b.status && a.tag === b.tag && a.search === b.search;
}
