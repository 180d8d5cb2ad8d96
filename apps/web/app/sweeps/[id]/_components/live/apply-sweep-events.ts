import {
  EpochFieldsFragment,
  readFragment,
  RunCellFragment,
  type EpochFields,
  type InstabilityKind,
  type RunState,
  type RunStatus,
  type SweepDetail,
} from '@/graphql';

/**
 * One run as the page shows it: the sweep query's run with the events after it
 * applied. Of its epochs it keeps what a cell draws from, not every epoch: the
 * grid of a large sweep would otherwise hold tens of thousands of them.
 */
export interface LiveRun {
  id: string;
  sweepId: string;
  batchSize: number;
  learningRate: number;
  /** 1-based. */
  repeat: number;
  status: RunStatus;
  /** 1-based; a retry starts the next. */
  attempt: number;
  backend: string | null;
  error: string | null;
  /** ISO 8601; null before the first epoch. */
  heartbeatAt: string | null;
  imagesPerSecond: number | null;
  /** Why it did not learn, by the conclusions' rules (stayed at chance, its loss rose or exploded); null when it learned or has not ended. */
  instability: { kind: InstabilityKind; reason: string } | null;
  /**
   * The current attempt's validation accuracy by epoch, a fraction in [0, 1]:
   * element i is epoch i + 1's, null where that epoch is not stored.
   */
  valAccuracies: readonly (number | null)[];
  /** The current attempt's newest epoch; null before its first. */
  latestEpoch: EpochFields | null;
}

/** One combination of the grid with its runs, by repeat (none where no run was asked for). */
export interface LiveCell {
  batchSize: number;
  learningRate: number;
  runs: LiveRun[];
}

/** The grid as the page shows it. */
export interface LiveGrid {
  /** Rows, ascending. */
  batchSizes: number[];
  /** Columns, ascending. */
  learningRates: number[];
  /** Row by row: every batch size with every learning rate. */
  cells: LiveCell[];
}

/** One `sweepEvents` event, unmasked. */
export interface LiveEvent {
  cursor: string;
  kind: 'EPOCH_ADDED' | 'RUN_UPDATED';
  epoch: EpochFields | null;
  run: RunState | null;
}

/** Epochs stored for a run's current attempt. */
export function countEpochs(run: Pick<LiveRun, 'valAccuracies'>): number {
  let count = 0;
  for (const value of run.valAccuracies) if (value !== null) count += 1;
  return count;
}

/** Reads the sweep query's grid, unmasking each run and its newest epoch. */
export function readLiveGrid(sweep: SweepDetail): LiveGrid {
  return {
    batchSizes: [...sweep.grid.batchSizes],
    learningRates: [...sweep.grid.learningRates],
    cells: sweep.grid.cells.map((cell) => ({
      batchSize: cell.batchSize,
      learningRate: cell.learningRate,
      runs: readFragment(RunCellFragment, cell.runs).map((run) => ({
        id: run.id,
        sweepId: run.sweepId,
        batchSize: run.batchSize,
        learningRate: run.learningRate,
        repeat: run.repeat,
        status: run.status,
        attempt: run.attempt,
        backend: run.backend,
        error: run.error,
        heartbeatAt: run.heartbeatAt,
        imagesPerSecond: run.imagesPerSecond,
        instability: run.instability,
        valAccuracies: run.valAccuracies,
        latestEpoch: readFragment(EpochFieldsFragment, run.latestEpoch) ?? null,
      })),
    })),
  };
}

function applyRunUpdate(run: LiveRun, state: RunState): void {
  if (state.attempt !== run.attempt) {
    // A retry: its epochs start again at 1, and the earlier attempt's are no longer shown.
    run.valAccuracies = [];
    run.latestEpoch = null;
  }
  run.status = state.status;
  run.attempt = state.attempt;
  run.backend = state.backend;
  run.error = state.error;
  run.heartbeatAt = state.heartbeatAt;
  run.imagesPerSecond = state.imagesPerSecond;
  run.instability = state.instability;
}

function applyEpoch(run: LiveRun, epoch: EpochFields): void {
  if (epoch.attempt < run.attempt) return;
  if (epoch.attempt > run.attempt) {
    // The epoch is of an attempt the page has not heard started: follow it.
    run.attempt = epoch.attempt;
    run.valAccuracies = [];
    run.latestEpoch = null;
  }
  const values = [...run.valAccuracies];
  while (values.length < epoch.epoch - 1) values.push(null);
  values[epoch.epoch - 1] = epoch.valAccuracy;
  run.valAccuracies = values;
  if (run.latestEpoch === null || epoch.epoch >= run.latestEpoch.epoch) run.latestEpoch = epoch;
}

/** The ids of the runs a grid holds. */
export function listRunIds(grid: LiveGrid): Set<string> {
  return new Set(grid.cells.flatMap((cell) => cell.runs.map((run) => run.id)));
}

/** The run an event is about. */
export function eventRunId(event: LiveEvent): string | undefined {
  return event.run?.id ?? event.epoch?.runId;
}

/**
 * Applies `sweepEvents` events, in order, to a grid read at an older cursor:
 * an EPOCH_ADDED sets its epoch's point in its run's series (replacing the one
 * of that attempt and number, so an event heard twice, or an epoch the grid
 * already holds, never makes a second point) and becomes the run's newest
 * epoch unless a later one is there; a RUN_UPDATED sets its run's status,
 * attempt, error and heartbeat. Events of runs the grid does not hold (added
 * since it was read) are skipped: the next read of the sweep brings them.
 *
 * @returns a new grid; `grid` and its runs are left alone, and the cells and
 *   runs no event touched are shared with it, so a view can skip them.
 */
export function applySweepEvents(grid: LiveGrid, events: readonly LiveEvent[]): LiveGrid {
  if (events.length === 0) return grid;
  const touched = new Map<string, LiveRun>();
  const wanted = new Set(events.map(eventRunId));
  const original = new Map<string, LiveRun>();
  for (const cell of grid.cells) for (const run of cell.runs) if (wanted.has(run.id)) original.set(run.id, run);
  const edit = (runId: string): LiveRun | undefined => {
    const copy = touched.get(runId);
    if (copy !== undefined) return copy;
    const run = original.get(runId);
    if (run === undefined) return undefined;
    const fresh = { ...run };
    touched.set(runId, fresh);
    return fresh;
  };
  for (const event of events) {
    if (event.kind === 'RUN_UPDATED' && event.run !== null) {
      const run = edit(event.run.id);
      if (run !== undefined) applyRunUpdate(run, event.run);
    } else if (event.kind === 'EPOCH_ADDED' && event.epoch !== null) {
      const run = edit(event.epoch.runId);
      if (run !== undefined) applyEpoch(run, event.epoch);
    }
  }
  if (touched.size === 0) return grid;
  return {
    ...grid,
    cells: grid.cells.map((cell) =>
      cell.runs.some((run) => touched.has(run.id)) ? { ...cell, runs: cell.runs.map((run) => touched.get(run.id) ?? run) } : cell,
    ),
  };
}
