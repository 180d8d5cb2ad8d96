'use client';

import { useCallback, useEffect, useState, type ReactNode } from 'react';

import { useHydrated } from '@/lib/use-hydrated';

import { useRunFeed, type RunFeed } from './use-run-feed';

/** Props of {@link RunFeeds}. */
export interface RunFeedsProps {
  /** Runs to load and keep live, in the order `children` gets them. */
  runIds: readonly string[];
  /** Renders the feeds: one per id, in order (a run not loaded yet has `run: undefined`). */
  children: (feeds: readonly RunFeed[]) => ReactNode;
}

function RunFeedSource({
  runId,
  pause,
  onChange,
  onGone,
}: {
  runId: string;
  pause: boolean;
  onChange: (feed: RunFeed) => void;
  onGone: (runId: string) => void;
}) {
  const feed = useRunFeed(runId, pause);
  useEffect(() => onChange(feed), [feed, onChange]);
  useEffect(() => () => onGone(runId), [runId, onGone]);
  return null;
}

function placeholderOf(runId: string): RunFeed {
  return { runId, run: undefined, sweep: undefined, epochs: [], error: undefined, refetch: () => {} };
}

/**
 * Keeps any number of runs live with {@link useRunFeed} (hooks cannot be
 * called in a loop, so each run gets an invisible child that reports its
 * feed here) and renders them with `children`. Two of these over the same
 * runs share their queries and streams: urql runs one operation per key.
 */
export function RunFeeds({ runIds, children }: RunFeedsProps) {
  const hydrated = useHydrated();
  const [feeds, setFeeds] = useState<ReadonlyMap<string, RunFeed>>(() => new Map());
  const report = useCallback((feed: RunFeed) => setFeeds((previous) => new Map(previous).set(feed.runId, feed)), []);
  const forget = useCallback(
    (runId: string) =>
      setFeeds((previous) => {
        const next = new Map(previous);
        next.delete(runId);
        return next;
      }),
    [],
  );
  return (
    <>
      {runIds.map((runId) => (
        <RunFeedSource key={runId} runId={runId} pause={!hydrated} onChange={report} onGone={forget} />
      ))}
      {children(runIds.map((runId) => feeds.get(runId) ?? placeholderOf(runId)))}
    </>
  );
}
