'use client';

import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { sweepStatuses } from '@sweepscope/core';

import { readFragment, SWEEP_LIST_SIZE, SweepsQuery, SweepSummaryFragment, type SweepsQueryData, type SweepsQueryVariables, type SweepStatus } from '@/graphql';
import { useHydrated } from '@/lib/use-hydrated';
import { useInterval } from '@/lib/use-interval';
import { useNow } from '@/lib/use-now';
import { useUrlState } from '@/lib/use-url-state';

import { ErrorNotice } from './error-notice';
import { statusOfFilter, sweepListUrlState, type StatusFilter } from './sweep-list-url-state';
import { SweepTable } from './sweep-table';
import styles from './sweep-list.module.css';

/** How often the list refetches, in milliseconds. */
const POLL_MS = 3_000;

/** How often ages ("3 min ago") move on, in milliseconds. */
const AGE_TICK_MS = 15_000;

/** The list as the server read it for the first paint, with the filter it read it for. */
export interface SweepListInitial {
  status: SweepStatus | null;
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
  const [{ status: filter }, setUrlState] = useUrlState(sweepListUrlState);
  const status = statusOfFilter(filter);
  const variables = useMemo<SweepsQueryVariables>(() => ({ status, first: SWEEP_LIST_SIZE }), [status]);
  const [result, reexecute] = useQuery({ query: SweepsQuery, variables, pause: !hydrated });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useInterval(refetch, POLL_MS, hydrated);

  // Only data read for the filter shown: the server's until the client has its own.
  const resultStatus = result.operation?.variables?.status ?? null;
  const data = result.data !== undefined && resultStatus === status ? result.data : initial !== null && initial.status === status ? initial.data : undefined;
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
        ) : filter === 'all' ? (
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
            <p>No {filter} sweeps.</p>
            <button type="button" className="button" onClick={() => setUrlState({ status: 'all' })}>
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
