'use client';

import { useCallback, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { sweepStatuses } from '@sweepscope/core';

import { readFragment, SWEEP_LIST_SIZE, SweepsQuery, SweepSummaryFragment, type SweepsQueryData, type SweepsQueryVariables } from '@/graphql';
import { useHydrated } from '@/lib/use-hydrated';
import { useInterval } from '@/lib/use-interval';
import { useNow } from '@/lib/use-now';
import { useUrlState } from '@/lib/use-url-state';

import { TagFilter } from './annotations/tag-filter';
import { ErrorNotice } from './error-notice';
import { sameFilters, sweepListFilters, sweepListUrlState, type StatusFilter, type SweepListFilters } from './sweep-list-url-state';
import { SweepTable } from './sweep-table';
import styles from './sweep-list.module.css';

/** How often the list refetches, in milliseconds. */
const POLL_MS = 3_000;

/** How often ages ("3 min ago") move on, in milliseconds. */
const AGE_TICK_MS = 15_000;

/** The list as the server read it for the first paint, with the filters it read it for. */
export interface SweepListInitial {
  filters: SweepListFilters;
  data: SweepsQueryData;
}

/** Props of {@link SweepList}. */
export interface SweepListProps {
  /** The server's first read; null when it could not read the list (the client then tries). */
  initial: SweepListInitial | null;
  /** When the server rendered, in milliseconds since the epoch: ages hydrate from it. */
  renderedAt: number;
}

/** The sweeps, newest first: those people made, and apart from them the built-in reference study. */
export function SweepList({ initial, renderedAt }: SweepListProps) {
  const hydrated = useHydrated();
  const now = useNow(renderedAt, AGE_TICK_MS);
  const [urlState, setUrlState] = useUrlState(sweepListUrlState);
  const { status: filter, tag } = urlState;
  const filters = sweepListFilters(urlState);
  const { status, tag: tagFilter, search } = filters;
  const variables = useMemo<SweepsQueryVariables>(() => ({ status, tag: tagFilter, search, first: SWEEP_LIST_SIZE }), [status, tagFilter, search]);
  // The search box shows what is typed at once; the URL, and so the query, follows.
  const [searchText, setSearchText] = useState(urlState.q);
  const [result, reexecute] = useQuery({ query: SweepsQuery, variables, pause: !hydrated });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useInterval(refetch, POLL_MS, hydrated);

  // Only data read for the filters shown: the server's until the client has its own.
  const asked = result.operation?.variables;
  const resultFilters = { status: asked?.status ?? null, tag: asked?.tag ?? null, search: asked?.search ?? null };
  const data =
    result.data !== undefined && sameFilters(resultFilters, filters)
      ? result.data
      : initial !== null && sameFilters(initial.filters, filters)
        ? initial.data
        : undefined;
  const sweeps = useMemo(() => (data === undefined ? [] : readFragment(SweepSummaryFragment, data.sweeps.nodes)), [data]);

  const toolbar = (
    <div className="toolbar">
      <label className="field-inline">
        <span>Status</span>
        <select value={filter} onChange={(event) => setUrlState({ status: event.target.value as StatusFilter })} data-testid="status-filter">
          <option value="all">All</option>
          {sweepStatuses.map((value) => (
            <option key={value} value={value}>
              {value.charAt(0).toUpperCase() + value.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>Search</span>
        <input
          type="search"
          value={searchText}
          placeholder="Name or notes"
          onChange={(event) => {
            setSearchText(event.target.value);
            setUrlState({ q: event.target.value });
          }}
          data-testid="sweep-search"
        />
      </label>
      <TagFilter tag={tag} items="sweeps" onClear={() => setUrlState({ tag: '' })} />
      {data !== undefined && (
        <span className="muted" data-testid="sweep-count">
          {data.sweeps.totalCount > sweeps.length
            ? `newest ${sweeps.length} of ${data.sweeps.totalCount}`
            : `${data.sweeps.totalCount} ${data.sweeps.totalCount === 1 ? 'sweep' : 'sweeps'}`}
        </span>
      )}
    </div>
  );

  if (data === undefined) {
    return (
      <>
        {toolbar}
        {result.error !== undefined ? (
          <ErrorNotice action="load the sweeps" error={result.error} onRetry={refetch} />
        ) : (
          <p className="muted" role="status" data-testid="loading">
            Loading sweeps…
          </p>
        )}
      </>
    );
  }

  const own = sweeps.filter((sweep) => sweep.builtIn === null);
  const builtIn = sweeps.filter((sweep) => sweep.builtIn !== null);
  return (
    <>
      {toolbar}
      {result.error !== undefined && <ErrorNotice action="refresh the sweeps" error={result.error} onRetry={refetch} />}
      <section aria-labelledby="own-sweeps-title" data-testid="own-sweeps">
        <h2 id="own-sweeps-title">Your sweeps</h2>
        {own.length > 0 ? (
          <SweepTable sweeps={own} caption="Your sweeps" now={now} />
        ) : filter === 'all' && tagFilter === null && search === null ? (
          <div className="empty" data-testid="empty">
            <p>No sweeps yet.</p>
            <p>
              <button type="button" className="button button-primary" onClick={() => setUrlState({ new: true })}>
                New sweep
              </button>{' '}
              or, in a terminal, <code>npx turbo run train -- --preset smoke</code>
            </p>
          </div>
        ) : (
          <div className="empty" data-testid="empty">
            <p>No {describeFilters(filter, tagFilter, search)}.</p>
            <button
              type="button"
              className="button"
              onClick={() => {
                setSearchText('');
                setUrlState({ status: 'all', tag: '', q: '' });
              }}
            >
              Show all sweeps
            </button>
          </div>
        )}
      </section>
      {builtIn.length > 0 && (
        <section aria-labelledby="reference-title" className={styles.reference} data-testid="reference-sweeps">
          <h2 id="reference-title">Reference study</h2>
          <p className="muted">
            Built in and read-only: the study Sweepscope reproduces, MobileNetV2 from ImageNet weights for 50 epochs, as it reported each cell&apos;s final
            epoch. Sweeps with its cells are compared with it.
          </p>
          <SweepTable sweeps={builtIn} caption="Reference study" now={now} />
        </section>
      )}
    </>
  );
}

/** The sweeps a filtered list looks for, in words: `failed sweeps tagged "x" matching "bn"`. */
function describeFilters(filter: StatusFilter, tag: string | null, search: string | null): string {
  return [
    `${filter === 'all' ? '' : `${filter} `}sweeps`,
    ...(tag === null ? [] : [`tagged “${tag}”`]),
    ...(search === null ? [] : [`matching “${search}”`]),
  ].join(' ');
}
