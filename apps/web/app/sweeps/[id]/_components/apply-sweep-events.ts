import {
  EpochFieldsFragment,
  readFragment,
  RunCellFragment,
  type EpochFields,
  type RunState,
  type RunStatus,
  type SweepDetail,
} from '@/graphql';

/** One run as the page shows it: the sweep query's run with the events after it applied. */
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
  /** The current attempt's epochs, one per epoch number, in epoch order. */
  epochs: EpochFields[];
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

function byEpoch(a: EpochFields, b: EpochFields): number {
  return a.epoch - b.epoch;
}

/** Keeps one epoch per number (the later one wins: an epoch stored again replaces the first) of one attempt. */
function currentEpochs(epochs: readonly EpochFields[], attempt: number): EpochFields[] {
  const byNumber = new Map<number, EpochFields>();
  for (const epoch of epochs) if (epoch.attempt === attempt) byNumber.set(epoch.epoch, epoch);
  return [...byNumber.values()].sort(byEpoch);
}

/**
 * Reads the sweep query's grid: unmasks each run and its epochs, and keeps
 * only the current attempt's, one per epoch number, in order.
 */
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
        epochs: currentEpochs(readFragment(EpochFieldsFragment, run.epochs), run.attempt),
      })),
    })),
  };
}

function applyRunUpdate(run: LiveRun, state: RunState): void {
  if (state.attempt !== run.attempt) {
    // A retry: its epochs start again at 1, and the earlier attempt's are no longer shown.
    run.epochs = run.epochs.filter((epoch) => epoch.attempt === state.attempt);
  }
  run.status = state.status;
  run.attempt = state.attempt;
  run.backend = state.backend;
  run.error = state.error;
  run.heartbeatAt = state.heartbeatAt;
  run.imagesPerSecond = state.imagesPerSecond;
}

function applyEpoch(run: LiveRun, epoch: EpochFields): void {
  if (epoch.attempt < run.attempt) return;
  if (epoch.attempt > run.attempt) {
    // The epoch is of an attempt the page has not heard started: follow it.
    run.attempt = epoch.attempt;
    run.epochs = [];
  }
  const index = run.epochs.findIndex((e) => e.epoch === epoch.epoch);
  if (index === -1) run.epochs = [...run.epochs, epoch].sort(byEpoch);
  else run.epochs = run.epochs.map((e, i) => (i === index ? epoch : e));
}

/**
 * Applies `sweepEvents` events, in order, to a grid read at an older cursor:
 * an EPOCH_ADDED adds its epoch to its run (or replaces the one of that
 * attempt and number, so an event heard twice, or an epoch the grid already
 * holds, never makes a second point), a RUN_UPDATED sets its run's status,
 * attempt, error and heartbeat. Events of runs the grid does not hold (added
 * since it was read) are skipped: the next read of the sweep brings them.
 *
 * @returns a new grid; `grid` and its runs are left alone (runs no event
 *   touched are shared with it).
 */
export function applySweepEvents(grid: LiveGrid, events: readonly LiveEvent[]): LiveGrid {
  if (events.length === 0) return grid;
  const original = new Map(grid.cells.flatMap((cell) => cell.runs.map((run) => [run.id, run] as const)));
  const touched = new Map<string, LiveRun>();
  const edit = (runId: string): LiveRun | undefined => {
    const copy = touched.get(runId);
    if (copy !== undefined) return copy;
    const run = original.get(runId);
    if (run === undefined) return undefined;
    const fresh = { ...run, epochs: [...run.epochs] };
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
      cell.runs.some((run) => touched.has(run.id))
        ? { ...cell, runs: cell.runs.map((run) => touched.get(run.id) ?? run) }
        : cell,
    ),
  };
}
