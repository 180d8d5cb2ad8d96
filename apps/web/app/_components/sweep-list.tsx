'use client';

import Link from 'next/link';
import { useCallback } from 'react';
import { useQuery } from 'urql';

import { SweepsQuery } from '@/graphql';
import { formatDateTime } from '@/lib/format';
import { useHydrated } from '@/lib/use-hydrated';
import { useInterval } from '@/lib/use-interval';

import { ErrorNotice } from './error-notice';
import { StatusBadge } from './status-badge';

/** How often the list refetches, in milliseconds. */
const POLL_MS = 3_000;

/** The home page's table of sweeps, refreshed every {@link POLL_MS} ms. */
export function SweepList() {
  const hydrated = useHydrated();
  const [result, reexecute] = useQuery({ query: SweepsQuery, pause: !hydrated });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  useInterval(refetch, POLL_MS, hydrated);

  const { data, error } = result;
  if (data === undefined) {
    if (error !== undefined) return <ErrorNotice action="load the sweeps" error={error} onRetry={refetch} />;
    return <p className="muted">Loading sweeps…</p>;
  }
  if (data.sweeps.nodes.length === 0) {
    return (
      <p className="empty" data-testid="empty">
        No sweeps yet — run <code>npx turbo run train -- --cells 32:0.1 --epochs 2 --dataset synthetic</code>
      </p>
    );
  }
  return (
    <>
      {error !== undefined && <ErrorNotice action="refresh the sweeps" error={error} />}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Data set</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Runs
            </th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {data.sweeps.nodes.map((sweep) => (
            <tr key={sweep.id} data-testid="sweep-row">
              <td>
                <Link href={`/sweeps/${encodeURIComponent(sweep.id)}`}>{sweep.name}</Link>
              </td>
              <td>{sweep.dataset}</td>
              <td>
                <StatusBadge status={sweep.status} />
              </td>
              <td className="num">{sweep.runs.length}</td>
              <td>
                <time dateTime={sweep.createdAt}>{formatDateTime(sweep.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
