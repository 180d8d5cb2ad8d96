import { sweepStatuses, type SweepStatus } from '@sweepscope/core';

import type { SweepStatus as ApiSweepStatus } from '@/graphql';
import { booleanParam, enumParam } from '@/lib/url-state';

/** A status filter as it reads in the URL (`?status=running`), or `all`. */
export type StatusFilter = SweepStatus | 'all';

const filters = ['all', ...sweepStatuses] as const;

/**
 * The Sweeps page's state in its query string: `status` filters the list
 * (@default 'all'), `new` opens the New sweep form and `import` the Import panel
 * (@default false). Read by the server page for its first paint and by the client
 * with `useUrlState`.
 */
export const sweepListUrlState = {
  status: enumParam<StatusFilter>(filters, 'all'),
  new: booleanParam(false),
  import: booleanParam(false),
};

/** The API's `status` argument for a filter: null for `all`. */
export function statusOfFilter(filter: StatusFilter): ApiSweepStatus | null {
  return filter === 'all' ? null : (filter.toUpperCase() as ApiSweepStatus);
}
