import { runStatuses, type RunStatus } from '@sweepscope/core';

import { enumParam, listParam, stringParam, type UrlParam } from '@/lib/url-state';

import { RUNS_TABLE_SORTS, type RunsTableSort } from './runs-table-sorts';

/** Which way a runs table is sorted. */
export type SortDirection = 'asc' | 'desc';

/** A list of run statuses as the URL writes them (`status=running,failed`); unknown words are dropped. */
const statusesParam: UrlParam<readonly RunStatus[]> = {
  defaultValue: [],
  parse: (text) =>
    listParam()
      .parse(text)
      ?.filter((word): word is RunStatus => (runStatuses as readonly string[]).includes(word)),
  serialize: (value) => value.join(','),
};

/**
 * A runs table's view in its query string, so a link shows another person the same
 * rows: `sort` the column and `dir` its direction, `status` the statuses shown
 * (@default all), `batch` the batch sizes shown (@default all), `tag` the one tag
 * the runs shown carry (@default any), `q` the search
 * (@default none) and `runs` the selected run ids (@default none).
 * @param sort the column sorted by when the URL names none
 * @param dir its direction
 */
function runsTableUrlState(sort: RunsTableSort, dir: SortDirection) {
  return {
    sort: enumParam(RUNS_TABLE_SORTS, sort),
    dir: enumParam<SortDirection>(['asc', 'desc'], dir),
    status: statusesParam,
    batch: listParam(),
    tag: stringParam(),
    q: stringParam(),
    runs: listParam(),
  };
}

/** The all-runs table's view: newest runs first unless sorted. */
export const allRunsUrlState = runsTableUrlState('id', 'desc');

/** A sweep's runs table's view: by cell unless sorted, as its grid reads. */
export const sweepRunsUrlState = runsTableUrlState('cell', 'asc');

/** The state either table keeps in its URL. */
export type RunsTableUrlState = typeof allRunsUrlState;
