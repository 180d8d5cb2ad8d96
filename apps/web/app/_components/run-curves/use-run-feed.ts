'use client';

import type { ResultOf } from 'gql.tada';
import { useCallback, useEffect, useMemo } from 'react';
import { useQuery, useSubscription, type CombinedError } from 'urql';

import {
  EpochFieldsFragment,
  readFragment,
  RunCurvesQuery,
  RunEpochsSubscription,
  RunOverviewFragment,
  SweepSettingsFragment,
  SweepSettingsQuery,
  type EpochFields,
  type RunOverview,
  type SweepSettings,
} from '@/graphql';
import { useCoalescedCallback } from '@/lib/use-coalesced-callback';
import { useOnConnected } from '@/urql/connection-context';

import { mergeRunEpochs, upsertEpoch } from './merge-run-epochs';

/** Delay that folds a burst of epochs (a replay) into one refetch of the run, in milliseconds. */
const REFETCH_DELAY_MS = 300;

const NO_EPOCHS: readonly EpochFields[] = [];

/** One run, kept current: what `useRunFeed` returns. */
export interface RunFeed {
  runId: string;
  /** The run; undefined while it loads, null when the API has no run with this id. */
  run: RunOverview | null | undefined;
  /** Its sweep's settings; undefined while they load, null if the sweep has gone. */
  sweep: SweepSettings | null | undefined;
  /** The current attempt's epochs, stored and live, one per number, ascending. */
  epochs: readonly EpochFields[];
  /** Why the run or its sweep could not be read, if it could not. */
  error: CombinedError | undefined;
  /** Reads the run again from the network. */
  refetch: () => void;
}

/** Subscription reducer: keeps each epoch once, by attempt and number. */
function collectEpoch(previous: EpochFields[] | undefined, event: ResultOf<typeof RunEpochsSubscription>): EpochFields[] {
  const epoch = readFragment(EpochFieldsFragment, event.runEpochs.epoch);
  return epoch === null ? (previous ?? []) : upsertEpoch(previous ?? [], epoch);
}

/**
 * Loads one run with its current attempt's epochs and its sweep's settings,
 * and keeps them live: `runEpochs` from the start of the run's history (a
 * replay of a few epochs per attempt, so no epoch falls between the query and
 * the stream), each epoch drawn as it arrives, keyed by attempt and number so
 * a replay or a reconnection adds no duplicates. Each event also schedules a
 * refetch of the run (a burst costs one), so its status, final and best epochs
 * stay the server's; so does each WebSocket (re)connection.
 *
 * @param pause - true while server rendering or hydrating.
 */
export function useRunFeed(runId: string, pause: boolean): RunFeed {
  const [result, reexecute] = useQuery({ query: RunCurvesQuery, variables: { id: runId }, pause });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const scheduleRefetch = useCoalescedCallback(refetch, REFETCH_DELAY_MS);
  useOnConnected(refetch);

  const data = result.data?.run;
  const run = data === undefined ? undefined : data === null ? null : readFragment(RunOverviewFragment, data);
  const sweepId = run?.sweepId;
  const [sweepResult] = useQuery({ query: SweepSettingsQuery, variables: { id: sweepId ?? '' }, pause: pause || sweepId === undefined });
  const sweepData = sweepResult.data?.sweep;
  const sweep = sweepId === undefined || sweepData === undefined ? undefined : sweepData === null ? null : readFragment(SweepSettingsFragment, sweepData);

  const [events] = useSubscription({ query: RunEpochsSubscription, variables: { runId, after: null }, pause: pause || data === null }, collectEpoch);
  useEffect(() => {
    if (events.data !== undefined) scheduleRefetch();
  }, [events.data, scheduleRefetch]);

  const stored = data?.epochs;
  const attempt = run?.attempt;
  const live = events.data ?? NO_EPOCHS;
  const epochs = useMemo(
    () => mergeRunEpochs(attempt, stored === undefined ? NO_EPOCHS : readFragment(EpochFieldsFragment, stored), live).epochs,
    [attempt, stored, live],
  );
  const error = result.error ?? sweepResult.error;
  // Memoized whole: a feed reports itself upwards whenever it is a new object.
  return useMemo(() => ({ runId, run, sweep, epochs, error, refetch }), [runId, run, sweep, epochs, error, refetch]);
}
