'use client';

import { useCallback, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import type { RunStatus } from '@sweepscope/core';

import { RUNS_TABLE_SIZE, RunsQuery, type RunStatus as ApiRunStatus, type RunsQueryVariables } from '@/graphql';
import { useHydrated } from '@/lib/use-hydrated';
import { useInterval } from '@/lib/use-interval';
import { useNow } from '@/lib/use-now';
import { useRowWindow } from '@/lib/use-row-window';
import { useUrlState } from '@/lib/use-url-state';

import { ErrorNotice } from '../error-notice';
import { LoadingNotice } from '../page-states';
import { formatCell, RUNS_TABLE_COLUMNS, type RunsTableColumn } from './runs-table-columns';
import { API_SORT_COLUMNS, type RunsTableSort } from './runs-table-sorts';
import { RunsTableToolbar } from './runs-table-toolbar';
import { allRunsUrlState, sweepRunsUrlState } from './runs-table-url-state';
import styles from './runs-table.module.css';

/** Every row's height, in CSS pixels: the window works out which rows are in view from it. */
const ROW_HEIGHT = 40;

/** Rows rendered before the window has measured the view. */
const INITIAL_ROWS = 40;

/** How often the table refetches while a run it lists is queued or running, in milliseconds. */
const POLL_MS = 5_000;

/** How often a running run's duration moves on, in milliseconds. */
const TICK_MS = 5_000;

/** Props of {@link RunsTable}. */
export interface RunsTableProps {
  /** Only this sweep's runs; every sweep's when left out. */
  sweepId?: string;
  /** The sweep's batch sizes, which the batch-size filter offers; none hides it. @default [] */
  batchSizes?: readonly number[];
  /** When the server rendered, in milliseconds since the epoch: durations hydrate from it. */
  renderedAt: number;
}

/**
 * Runs as a table: sortable by each column but the tags, filtered by status, batch size and tag, searched,
 * with rows selected for Compare, all kept in the URL. The API sorts and filters, and up to
 * a whole sweep's runs (10,000) arrive at once; only the rows near the view are in the
 * document. While a listed run is queued or running the table refetches every few seconds.
 */
export function RunsTable({ sweepId, batchSizes = [], renderedAt }: RunsTableProps) {
  const hydrated = useHydrated();
  const now = useNow(renderedAt, TICK_MS);
  // Nothing on the server reads this state: changing it renders no server component again.
  const [state, setState] = useUrlState(sweepId === undefined ? allRunsUrlState : sweepRunsUrlState, { shallow: true });
  const variables = useMemo<RunsQueryVariables>(
    () => ({
      sweepId: sweepId ?? null,
      statuses: state.status.length === 0 ? null : state.status.map((status) => status.toUpperCase() as ApiRunStatus),
      batchSizes: batchSizesOf(state.batch),
      tag: state.tag.trim() === '' ? null : state.tag,
      search: state.q.trim() === '' ? null : state.q,
      sort: { column: API_SORT_COLUMNS[state.sort], direction: state.dir === 'asc' ? 'ASC' : 'DESC' },
      first: RUNS_TABLE_SIZE,
    }),
    [sweepId, state.status, state.batch, state.tag, state.q, state.sort, state.dir],
  );
  const [result, reexecute] = useQuery({ query: RunsQuery, variables, pause: !hydrated });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  // urql keeps the last answer while it asks for new variables, so the rows stay while they re-sort.
  const runs = useMemo(() => result.data?.runs.nodes ?? [], [result.data]);
  const live = runs.some((run) => run.status === 'QUEUED' || run.status === 'RUNNING');
  useInterval(refetch, POLL_MS, hydrated && live);

  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const [body, setBody] = useState<HTMLTableSectionElement | null>(null);
  const span = useRowWindow(body, runs.length, box, INITIAL_ROWS, ROW_HEIGHT);

  const columns = useMemo(() => RUNS_TABLE_COLUMNS.filter((column) => sweepId === undefined || !column.acrossSweepsOnly), [sweepId]);
  // The column that takes the width the others leave: the sweep's name, or the cell in one sweep's table.
  const fill = sweepId === undefined ? 'sweep' : 'cell';
  const sortBy = (column: RunsTableColumn, key: RunsTableSort) =>
    setState(({ sort, dir }) => (sort === key ? { dir: dir === 'asc' ? 'desc' : 'asc' } : { sort: key, dir: column.firstDirection }));
  const toggle = (id: string) =>
    setState(({ runs: selected }) => ({ runs: selected.includes(id) ? selected.filter((other) => other !== id) : [...selected, id] }));
  const onSearch = useCallback((q: string) => setState({ q }), [setState]);

  const toolbar = (
    <RunsTableToolbar
      search={state.q}
      onSearch={onSearch}
      statuses={state.status}
      onStatuses={(status: RunStatus[]) => setState({ status })}
      batchSizes={batchSizes}
      batchSize={state.batch[0] ?? ''}
      onBatchSize={(size) => setState({ batch: size === '' ? [] : [size] })}
      tag={state.tag}
      onClearTag={() => setState({ tag: '' })}
      selected={state.runs}
      onClearSelection={() => setState({ runs: [] })}
    />
  );
  if (result.data === undefined) {
    return (
      <>
        {toolbar}
        {result.error === undefined ? <LoadingNotice what="runs" /> : <ErrorNotice action="load the runs" error={result.error} onRetry={refetch} />}
      </>
    );
  }

  const { totalCount } = result.data.runs;
  const shown = runs.slice(span.first, span.last + 1);
  return (
    <>
      {toolbar}
      {result.error !== undefined && <ErrorNotice action="refresh the runs" error={result.error} onRetry={refetch} />}
      <p className="muted" role="status" data-testid="run-count">
        {totalCount > runs.length
          ? `The first ${runs.length.toLocaleString('en')} of ${totalCount.toLocaleString('en')} runs`
          : `${totalCount.toLocaleString('en')} ${totalCount === 1 ? 'run' : 'runs'}`}
      </p>
      {runs.length === 0 ? (
        <div className="empty" data-testid="empty">
          <p>No runs match.</p>
          <button type="button" className="button" onClick={() => setState({ status: [], batch: [], tag: '', q: '' })}>
            Show all runs
          </button>
        </div>
      ) : (
        <div ref={setBox} className={styles.box} role="region" aria-label="Runs" tabIndex={0} data-testid="runs-table-box">
          <table className={`table ${styles.runsTable}`} aria-rowcount={runs.length + 1} aria-busy={result.fetching} data-testid="runs-table">
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col" className={styles.colSelect}>
                  <span className="visually-hidden">Selected</span>
                </th>
                {columns.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={`${column.key === fill ? '' : (styles[`col-${column.key}`] ?? '')} ${column.numeric ? 'num' : ''}`}
                    aria-sort={state.sort === column.key ? (state.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {column.key === 'tags' ? (
                      column.label
                    ) : (
                      <button
                        type="button"
                        className={styles.sortButton}
                        onClick={() => sortBy(column, column.key as RunsTableSort)}
                        data-testid={`sort-${column.key}`}
                      >
                        {column.label}
                        <span aria-hidden="true" className={styles.sortMark}>
                          {state.sort === column.key ? (state.dir === 'asc' ? '▲' : '▼') : ''}
                        </span>
                      </button>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody ref={setBody}>
              {span.first > 0 && <Spacer rows={span.first} columns={columns.length + 1} />}
              {shown.map((run, index) => {
                const selected = state.runs.includes(run.id);
                return (
                  <tr
                    key={run.id}
                    aria-rowindex={span.first + index + 2}
                    style={{ height: ROW_HEIGHT }}
                    className={selected ? styles.selected : undefined}
                    data-testid="run-row"
                    data-run-id={run.id}
                  >
                    <td>
                      <input
                        type="checkbox"
                        checked={selected}
                        onChange={() => toggle(run.id)}
                        aria-label={`Select run ${run.id}: ${formatCell(run)}, repeat ${run.repeat}`}
                        data-testid="select-run"
                      />
                    </td>
                    {columns.map((column) => (
                      <td key={column.key} className={column.numeric ? 'num' : column.key === 'tags' ? styles.tagsCell : undefined}>
                        {column.render(run, now)}
                      </td>
                    ))}
                  </tr>
                );
              })}
              {span.last < runs.length - 1 && <Spacer rows={runs.length - 1 - span.last} columns={columns.length + 1} />}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Stands in for rows left out of the document, as tall as they are. */
function Spacer({ rows, columns }: { rows: number; columns: number }) {
  return (
    <tr aria-hidden="true" className={styles.spacer} style={{ height: rows * ROW_HEIGHT }} data-testid="row-spacer">
      <td colSpan={columns} />
    </tr>
  );
}

/**
 * The batch sizes a URL's `batch` asks for, as the API takes them: whole numbers from 1 to
 * 2³¹ − 1. Other words are dropped, as unknown statuses are, and none left means every batch
 * size rather than none.
 */
function batchSizesOf(words: readonly string[]): number[] | null {
  const sizes = words.map(Number).filter((size) => Number.isSafeInteger(size) && size >= 1 && size <= 2 ** 31 - 1);
  return sizes.length === 0 ? null : sizes;
}
