import type { ResultOf, RunQueryData, SweepSettingsQuery } from '@/graphql';

/** The run as {@link RunQueryData} holds it: null for an unknown id. */
export type RunPageRun = RunQueryData['run'];

/** The run's sweep as `SweepSettingsQuery` reads it: null if it has gone. */
export type RunPageSweep = ResultOf<typeof SweepSettingsQuery>['sweep'];

/** What the server read for the first paint, handed to the client page. */
export interface RunPageInitial {
  run: RunPageRun;
  sweep: RunPageSweep;
  /** The attempt whose epochs `run` holds: 0 for the current one. */
  attempt: number;
}
